package faqbot.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackedFilesTest {
  /**
   * A file inside a dependency's jar (the tokenizer that ships with the bge model), small enough to
   * copy often.
   */
  private static final String IN_A_JAR = "/bge-small-en-v1.5-q-tokenizer.json";

  @TempDir Path folder;

  private UnpackedFiles cache() {
    return UnpackedFiles.at(folder).orElseThrow();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = UnpackedFiles.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private List<Path> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void theFolderIsThePropertyThenTheVariableThenTheUsersCache() {
    String home = System.getProperty("user.home");
    assertEquals(
        Optional.of(Path.of("/p")), UnpackedFiles.folder("/p", Map.of("FAQBOT_CACHE", "/v")));
    assertEquals(
        Optional.of(Path.of("/v")),
        UnpackedFiles.folder(null, Map.of("FAQBOT_CACHE", "/v", "XDG_CACHE_HOME", "/x")));
    assertEquals(
        Optional.of(Path.of("/x", "faqbot")),
        UnpackedFiles.folder(null, Map.of("XDG_CACHE_HOME", "/x")));
    // A relative XDG_CACHE_HOME is invalid by its own rules and is ignored.
    assertEquals(
        Optional.of(Path.of(home, ".cache", "faqbot")),
        UnpackedFiles.folder(null, Map.of("XDG_CACHE_HOME", "relative")));
    assertEquals(
        Optional.of(Path.of(home, ".cache", "faqbot")), UnpackedFiles.folder(null, Map.of()));
  }

  @Test
  void offOrBlankTurnsTheCacheOff() {
    assertEquals(Optional.empty(), UnpackedFiles.folder("off", Map.of()));
    assertEquals(Optional.empty(), UnpackedFiles.folder(null, Map.of("FAQBOT_CACHE", "OFF")));
    assertEquals(Optional.empty(), UnpackedFiles.folder(" ", Map.of()));
  }

  @Test
  void aFolderThatCannotBeMadeMeansNoCache() throws IOException {
    Path file = Files.writeString(folder.resolve("a-file"), "x");
    assertEquals(Optional.empty(), UnpackedFiles.at(file.resolve("below")));
  }

  @Test
  void aFileInAJarIsCopiedOnceUnderANameThatCarriesItsSizeAndChecksum() throws IOException {
    Path copy = cache().file(IN_A_JAR).orElseThrow();
    byte[] original = resource(IN_A_JAR);
    assertEquals(folder, copy.getParent());
    assertTrue(
        copy.getFileName()
            .toString()
            .matches("bge-small-en-v1\\.5-q-tokenizer-" + original.length + "-[0-9a-f]+\\.json"),
        copy.getFileName().toString());
    assertArrayEquals(original, Files.readAllBytes(copy));

    FileTime marked = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(copy, marked);
    assertEquals(copy, cache().file(IN_A_JAR).orElseThrow());
    assertEquals(marked, Files.getLastModifiedTime(copy), "a whole copy is not written again");
    assertEquals(List.of(copy), filesIn(folder), "no partial files are left behind");
  }

  @Test
  void aCopyCutShortIsWrittenAgain() throws IOException {
    Path copy = cache().file(IN_A_JAR).orElseThrow();
    Files.write(copy, new byte[100]);
    assertEquals(copy, cache().file(IN_A_JAR).orElseThrow());
    assertArrayEquals(resource(IN_A_JAR), Files.readAllBytes(copy));
  }

  @Test
  void aFileAlreadyOnDiskIsUsedWhereItIs() throws Exception {
    Path onDisk = Path.of(UnpackedFiles.class.getResource("/public/widget.js").toURI());
    assertEquals(Optional.of(onDisk), cache().file("/public/widget.js"));
    assertEquals(List.of(), filesIn(folder));
  }

  @Test
  void aMissingResourceHasNoFile() throws IOException {
    assertEquals(Optional.empty(), cache().file("/no-such-model.onnx"));
    assertEquals(List.of(), filesIn(folder));
  }

  @Test
  void theRuntimesTwoLibrariesGoInOneFolder() throws IOException {
    String platform =
        UnpackedFiles.platform(System.getProperty("os.name"), System.getProperty("os.arch"));
    assumeTrue(platform != null, "the runtime ships no library for this platform");
    Path libraries = cache().runtimeFolder().orElseThrow();
    assertEquals(folder, libraries.getParent());
    for (String name :
        List.of(System.mapLibraryName("onnxruntime"), System.mapLibraryName("onnxruntime4j_jni"))) {
      byte[] original = resource("/ai/onnxruntime/native/" + platform + "/" + name);
      assertArrayEquals(original, Files.readAllBytes(libraries.resolve(name)), name);
    }
  }

  @Test
  void discardDeletesOnlyCopiesInTheCache() throws IOException {
    Path copy = cache().file(IN_A_JAR).orElseThrow();
    Path outside = Files.writeString(Files.createTempFile("faqbot-outside", ".txt"), "keep me");
    try {
      cache().discard(outside);
      cache().discard(folder.resolve("..").resolve(outside.getFileName()));
      assertTrue(Files.exists(outside));
      cache().discard(copy);
      assertFalse(Files.exists(copy));
    } finally {
      Files.deleteIfExists(outside);
    }
  }

  @Test
  void platformsAreNamedAsTheRuntimeNamesThem() {
    assertEquals("linux-x64", UnpackedFiles.platform("Linux", "amd64"));
    assertEquals("linux-aarch64", UnpackedFiles.platform("Linux", "aarch64"));
    assertEquals("osx-aarch64", UnpackedFiles.platform("Mac OS X", "aarch64"));
    assertEquals("osx-x64", UnpackedFiles.platform("Mac OS X", "x86_64"));
    assertEquals("win-x64", UnpackedFiles.platform("Windows 11", "amd64"));
    assertNull(UnpackedFiles.platform("Linux", "ppc64le"));
    assertNull(UnpackedFiles.platform("FreeBSD", "amd64"));
  }

  @Test
  void aVersionGoesBeforeTheExtension() {
    assertEquals("model-12-ab.onnx", UnpackedFiles.versioned("model.onnx", "12-ab"));
    assertEquals("README-12-ab", UnpackedFiles.versioned("README", "12-ab"));
    assertEquals(".hidden-12-ab", UnpackedFiles.versioned(".hidden", "12-ab"));
  }
}
