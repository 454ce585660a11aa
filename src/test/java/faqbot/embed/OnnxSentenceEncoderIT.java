package faqbot.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import faqbot.testing.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads a real model from its unpacked copy and from the jar, and checks both give the same
 * vectors; and checks that a process killed without a cache leaves nothing in the temporary folder.
 */
class OnnxSentenceEncoderIT {
  private static final SentenceModel MODEL = SentenceModel.BGE_SMALL;
  private static final String QUESTION = "What is inner alignment?";
  private static float[] fromTheJar;

  @TempDir Path folder;

  @BeforeAll
  static void embedFromTheJar() {
    try (OnnxSentenceEncoder encoder = OnnxSentenceEncoder.load(MODEL, 1, Optional.empty())) {
      fromTheJar = encoder.embedQuery(QUESTION);
    }
  }

  @Test
  void aModelReadFromItsUnpackedCopyEmbedsExactlyAsFromTheJar() {
    UnpackedFiles cache = UnpackedFiles.at(folder).orElseThrow();
    try (OnnxSentenceEncoder encoder = OnnxSentenceEncoder.load(MODEL, 1, Optional.of(cache))) {
      assertArrayEquals(fromTheJar, encoder.embedQuery(QUESTION));
    }
    Path copy = cache.file(MODEL.modelResource()).orElseThrow();
    assertTrue(copy.startsWith(folder), copy + " is in the cache");
  }

  @Test
  void aDamagedCopyIsPassedOverForTheJarAndDeleted() throws Exception {
    UnpackedFiles cache = UnpackedFiles.at(folder).orElseThrow();
    Path copy = cache.file(MODEL.modelResource()).orElseThrow();
    // Same size, so it passes for whole, but not a model.
    Files.write(copy, new byte[(int) Files.size(copy)]);
    try (OnnxSentenceEncoder encoder = OnnxSentenceEncoder.load(MODEL, 1, Optional.of(cache))) {
      assertArrayEquals(fromTheJar, encoder.embedQuery(QUESTION));
    }
    assertFalse(
        Files.exists(copy), "the damaged copy is deleted, so the next start unpacks it again");
  }

  @Test
  void withoutACacheAKilledProcessLeavesNothingInTheTemporaryFolder(@TempDir Path temporary)
      throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                Fixtures.javaBinary(),
                "-Djava.io.tmpdir=" + temporary,
                "-Dfaqbot.cache=off",
                "-cp",
                System.getProperty("java.class.path"),
                LoadModelsMain.class.getName())
            .redirectError(folder.resolve("child-errors.txt").toFile());
    builder.environment().remove("DJL_CACHE_DIR");
    builder.environment().remove("FAQBOT_CACHE");
    Process child = builder.start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line =
          CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return out.readLine();
                    } catch (IOException e) {
                      return "cannot read the child: " + e;
                    }
                  })
              .get(120, TimeUnit.SECONDS);
      // Both models' tokenizers worked after the folder their library came from was deleted.
      assertEquals(
          "embedded " + EnsembleEncoder.STANDARD_DIMENSION + " 1.000",
          line,
          () -> "the child's errors: " + read(folder.resolve("child-errors.txt")));
      assertEquals(
          List.of(),
          files(temporary),
          "both native libraries are loaded, so their copies are gone");
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertEquals(
        List.of(),
        files(temporary),
        "a process killed with -9 runs no exit hook, yet leaves no file");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /**
   * The files under a folder, and any folder of faqbot's. ONNX Runtime makes an empty folder of its
   * own at its start even when told where its library is, and only deletes it at exit; that one is
   * out of faqbot's hands.
   */
  private static List<String> files(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths
          .filter(path -> !path.equals(folder))
          .filter(
              path ->
                  Files.isRegularFile(path) || path.getFileName().toString().startsWith("faqbot"))
          .map(path -> folder.relativize(path).toString())
          .toList();
    }
  }
}
