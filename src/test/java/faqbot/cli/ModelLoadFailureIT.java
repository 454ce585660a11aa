package faqbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import faqbot.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine where the sentence models' native runtime cannot load (here: no cache and a temporary
 * folder that does not exist) gets one line naming the model and the cause, and exit code 1: no
 * stack trace, from any thread.
 */
class ModelLoadFailureIT {

  @Test
  void askWithoutAWritableFolderForTheNativeRuntimeSaysSoInOneLine(@TempDir Path home)
      throws Exception {
    Path missing = home.resolve("missing");
    ProcessBuilder builder =
        new ProcessBuilder(
            Fixtures.javaBinary(),
            "-Djava.io.tmpdir=" + missing,
            "-Dfaqbot.cache=off",
            "-Duser.home=" + home,
            "-cp",
            System.getProperty("java.class.path"),
            "faqbot.cli.Main",
            "ask",
            "What is inner alignment?",
            "--corpus",
            Fixtures.corpus().toString(),
            "--index",
            home.resolve("index").toString());
    builder.environment().remove("DJL_CACHE_DIR");
    builder.environment().remove("FAQBOT_CACHE");
    Process process = builder.start();
    try {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread errReader =
          new Thread(
              () -> {
                try {
                  process.getErrorStream().transferTo(err);
                } catch (IOException e) {
                  // The process is gone; what was read is kept.
                }
              });
      errReader.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      errReader.join();
      String errors = err.toString(StandardCharsets.UTF_8);
      List<String> lines = errors.lines().filter(line -> !line.isBlank()).toList();
      assertThat(process.exitValue()).as(errors).isEqualTo(Main.FAILURE);
      assertThat(out).isEmpty();
      assertThat(lines).as(errors).hasSize(1);
      assertThat(lines.get(0))
          .startsWith("faqbot: ")
          .contains("cannot load the sentence model")
          .contains(missing.toString())
          .contains("set FAQBOT_CACHE to one faqbot can write");
      assertThat(errors).doesNotContain("Exception").doesNotContain("\tat ");
    } finally {
      process.destroyForcibly();
    }
  }
}
