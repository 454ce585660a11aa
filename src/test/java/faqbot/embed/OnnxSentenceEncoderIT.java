package faqbot.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads a real model from its unpacked copy and from the jar, and checks both give the same vectors. */
class OnnxSentenceEncoderIT {
  private static final SentenceModel MODEL = SentenceModel.BGE_SMALL;
  private static final String QUESTION = "What is inner alignment?";
  private static float[] fromTheJar;

  @TempDir
  Path folder;

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
    assertFalse(Files.exists(copy), "the damaged copy is deleted, so the next start unpacks it again");
  }
}
