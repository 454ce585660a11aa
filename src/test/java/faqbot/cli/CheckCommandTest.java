package faqbot.cli;

import static faqbot.cli.CliRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import faqbot.cli.CliRuns.Run;
import faqbot.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faqbot check} on the phrasings files beside a corpus: in-process, no model loaded. */
class CheckCommandTest {
  private static final List<String> SEED =
      List.of(
          "What is inner alignment?.txt",
          "what-is-outer-alignment.txt",
          "what-is-reward-hacking.txt",
          "what-are-mesa-optimizers.txt");

  @TempDir Path folder;

  private void copySeed() throws IOException {
    for (String name : SEED) {
      Files.copy(Fixtures.corpus().resolve(name), folder.resolve(name));
    }
  }

  @Test
  void passesAPhrasingsFileWithNothingWrong() throws IOException {
    copySeed();
    Files.writeString(
        folder.resolve("editors.phrasings"),
        "Entry: What is inner alignment?\nAlso asked as: What does inner alignment mean?\n"
            + "Tags: mesa-optimization\n",
        StandardCharsets.UTF_8);
    Run run = run("check", "--corpus", folder.toString());
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
    assertThat(run.out()).contains("OK: 4 entries");
  }

  @Test
  void reportsEachBadPhrasingsLineWithItsFileAndLine() throws IOException {
    copySeed();
    Path file = folder.resolve("editors.phrasings");
    Files.write(
        file,
        List.of(
            "Entry: What is dark matter?", // 1: unknown entry
            "Also asked as: Where is the missing mass?",
            "Entry: what-is-outer-alignment", // 3
            "Also asked as: What is reward hacking?", // 4: another entry's question
            "Also asked as: Which objective do we choose?", // 5: fine
            "Entry: What is inner alignment?", // 6
            "Also asked as: which objective do we choose", // 7: given to two entries
            "Also asked as: What does inner alignment mean?", // 8: fine
            "Alsoasked: What?"), // 9: malformed
        StandardCharsets.UTF_8);
    Run run = run("check", "--corpus", folder.toString());
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.FAILURE);
    List<String> lines = run.out().lines().filter(l -> l.startsWith(file + ":")).toList();
    assertThat(lines)
        .hasSize(4)
        .satisfiesExactly(
            l -> assertThat(l).startsWith(file + ":1: error: ").contains("What is dark matter?"),
            l ->
                assertThat(l)
                    .startsWith(file + ":4: error: ")
                    .contains("is the question of another entry")
                    .contains("what-is-reward-hacking.txt"),
            l ->
                assertThat(l)
                    .startsWith(file + ":7: error: ")
                    .contains("given to two entries")
                    .contains(file + ":5"),
            l -> assertThat(l).startsWith(file + ":9: error: ").contains("Alsoasked"));
    assertThat(run.out()).contains("4 errors").contains("FAILED: 4 entries in");
  }

  @Test
  void strictFailsOnAPhrasingTheEntryAlreadyHas() throws IOException {
    copySeed();
    Path file = folder.resolve("editors.phrasings");
    Files.writeString(
        file,
        "Entry: what-is-inner-alignment\nAlso asked as: what is inner alignment\n",
        StandardCharsets.UTF_8);
    assertThat(run("check", "--corpus", folder.toString()).exit()).isEqualTo(Main.OK);
    Run strict = run("check", "--strict", "--corpus", folder.toString());
    assertThat(strict.exit()).isEqualTo(Main.FAILURE);
    assertThat(strict.out()).contains(file + ":2: warning: ");
  }
}
