package faqbot.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxSentenceEncoderTest {
  @TempDir Path folder;

  @Test
  void anOperatorsOwnTokenizerFolderIsLeftAlone() {
    Optional<UnpackedFiles> cache = UnpackedFiles.at(folder);
    assertEquals(Optional.empty(), OnnxSentenceEncoder.tokenizerFolder("/theirs", null, cache));
    assertEquals(Optional.empty(), OnnxSentenceEncoder.tokenizerFolder(null, "/theirs", cache));
  }

  @Test
  void theTokenizerUnpacksInsideTheCache() {
    Path chosen =
        OnnxSentenceEncoder.tokenizerFolder(null, null, UnpackedFiles.at(folder)).orElseThrow();
    assertEquals(folder.resolve("djl"), chosen);
    assertTrue(Files.isDirectory(chosen));
  }

  @Test
  void withoutACacheTheLibrariesGetAPrivateFolderOfItsOwnNeverASharedName() throws IOException {
    Path first = OnnxSentenceEncoder.temporaryFolder().orElseThrow();
    Path second = OnnxSentenceEncoder.temporaryFolder().orElseThrow();
    try {
      assertTrue(Files.isDirectory(first));
      assertNotEquals(
          first,
          second,
          "each process gets a new folder, so none can be prepared for it in advance");
      assertTrue(first.getFileName().toString().startsWith("faqbot-native-"), first.toString());
      try (var entries = Files.list(first)) {
        assertEquals(
            0, entries.count(), "a new folder is empty: nothing planted in it is ever loaded");
      }
      if (Files.getFileStore(first).supportsFileAttributeView("posix")) {
        assertEquals(
            Set.of(
                PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE),
            Files.getPosixFilePermissions(first));
      }
      Path tokenizers =
          OnnxSentenceEncoder.tokenizerFolder(null, null, UnpackedFiles.at(first)).orElseThrow();
      assertEquals(first.resolve("djl"), tokenizers);
      Files.delete(tokenizers);
    } finally {
      Files.deleteIfExists(first);
      Files.deleteIfExists(second);
    }
  }

  @Test
  void withNoFolderAtAllTheTokenizerKeepsItsOwnSetting() {
    assertEquals(
        Optional.empty(), OnnxSentenceEncoder.tokenizerFolder(null, null, Optional.empty()));
  }

  @Test
  void threadsPerCallOutsideOneTo64AreRefusedWithTheRange() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OnnxSentenceEncoder.load(SentenceModel.BGE_SMALL, 0, Optional.empty()));
    assertEquals("threads per call must be 1 to 64, got 0", e.getMessage());
  }
}
