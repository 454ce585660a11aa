package faqbot.embed;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the large files the sentence models need (each model's weights, ONNX Runtime's native
 * library) unpacked in a cache folder, so a start reads them from disk instead of inflating them
 * from the jar again.
 *
 * <p>Unpacking the two models and the runtime took about 0.37 s of every start's path to its first
 * answer, and reading each model's 34 MB through the small Java heap left an idle server about 60
 * MB larger. A file's name carries its size and checksum from the jar, so a new build never picks
 * up an old file, and a file gets its name only once it is completely written, so a start that is
 * killed halfway leaves nothing another start would trust. When no cache folder can be written,
 * everything works as before, from the jar.
 */
public final class UnpackedFiles {
  /**
   * The system property, then the environment variable, that names the cache folder; "off" turns it
   * off.
   */
  public static final String FOLDER_PROPERTY = "faqbot.cache";

  public static final String FOLDER_VARIABLE = "FAQBOT_CACHE";
  private static final String RUNTIME_FOLDER_PROPERTY = "onnxruntime.native.path";

  private final Path folder;

  UnpackedFiles(Path folder) {
    this.folder = folder;
  }

  /**
   * The cache in the folder the settings name, or none when it is off or cannot be written; a
   * folder the operator named that cannot be written is worth one warning (the default one, on a
   * read-only home, is not).
   */
  public static Optional<UnpackedFiles> standard() {
    String property = System.getProperty(FOLDER_PROPERTY);
    Map<String, String> environment = System.getenv();
    Optional<Path> folder = folder(property, environment);
    Optional<UnpackedFiles> cache = folder.flatMap(UnpackedFiles::at);
    boolean named = property != null || environment.get(FOLDER_VARIABLE) != null;
    if (folder.isPresent() && cache.isEmpty() && named && !WARNED.getAndSet(true)) {
      String setting = property != null ? "-D" + FOLDER_PROPERTY : FOLDER_VARIABLE;
      LOG.warn(
          "cannot make or write the cache folder {} ({}); the sentence models are read from the jar instead,"
              + " which makes every start slower",
          folder.get(),
          setting);
    }
    return cache;
  }

  private static final Logger LOG = LoggerFactory.getLogger(UnpackedFiles.class);
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  /** A cache in the given folder, made if missing, or none when it cannot be made or written. */
  static Optional<UnpackedFiles> at(Path folder) {
    try {
      Files.createDirectories(folder);
      return Files.isWritable(folder) ? Optional.of(new UnpackedFiles(folder)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Where the cache lives: the property, else FAQBOT_CACHE, else faqbot under XDG_CACHE_HOME, else
   * ~/.cache/faqbot. Never a shared temporary folder: another user could put a library there for
   * this process to load.
   */
  static Optional<Path> folder(String property, Map<String, String> environment) {
    String chosen = property != null ? property : environment.get(FOLDER_VARIABLE);
    if (chosen != null) {
      return chosen.isBlank() || chosen.equalsIgnoreCase("off")
          ? Optional.empty()
          : Optional.of(Path.of(chosen));
    }
    String xdg = environment.get("XDG_CACHE_HOME");
    if (xdg != null && Path.of(xdg).isAbsolute()) {
      return Optional.of(Path.of(xdg, "faqbot"));
    }
    String home = System.getProperty("user.home", "");
    return home.isBlank() ? Optional.empty() : Optional.of(Path.of(home, ".cache", "faqbot"));
  }

  /**
   * The class-path resource as a file on disk: itself when it already is one, else its copy in the
   * cache, made now if missing. Empty when it is not on the class path or cannot be copied; the
   * caller then reads the jar.
   */
  public Optional<Path> file(String resource) {
    URL url = UnpackedFiles.class.getResource(resource);
    if (url == null) {
      return Optional.empty();
    }
    if ("file".equals(url.getProtocol())) {
      try {
        return Optional.of(Path.of(url.toURI()));
      } catch (URISyntaxException | RuntimeException e) {
        return Optional.empty();
      }
    }
    return inJar(url)
        .flatMap(
            entry -> unpack(url, entry, folder.resolve(versioned(name(resource), version(entry)))));
  }

  private static Optional<JarEntry> inJar(URL url) {
    try {
      if (url.openConnection() instanceof JarURLConnection jar) {
        JarEntry entry = jar.getJarEntry();
        return entry.getSize() < 0 || entry.getCrc() < 0 ? Optional.empty() : Optional.of(entry);
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String name(String resource) {
    return resource.substring(resource.lastIndexOf('/') + 1);
  }

  private static String version(JarEntry entry) {
    return entry.getSize() + "-" + Long.toHexString(entry.getCrc());
  }

  /** The cached copy of a jar entry, written now unless a whole one is already there. */
  private static Optional<Path> unpack(URL url, JarEntry entry, Path target) {
    try {
      if (!(Files.isRegularFile(target) && Files.size(target) == entry.getSize())) {
        Files.createDirectories(target.getParent());
        try (InputStream in = url.openStream()) {
          write(in, target);
        }
      }
      return Files.size(target) == entry.getSize() ? Optional.of(target) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * A folder in the cache that another library unpacks into itself (the tokenizer's), made if
   * missing, or none.
   */
  public Optional<Path> subfolder(String name) {
    return at(folder.resolve(name)).map(sub -> sub.folder);
  }

  /**
   * Deletes a copy that turned out unusable, so the next start unpacks it afresh; never a file
   * outside the cache.
   */
  public void discard(Path copy) {
    if (copy.toAbsolutePath().normalize().startsWith(folder.toAbsolutePath().normalize())) {
      try {
        Files.deleteIfExists(copy);
      } catch (IOException | RuntimeException e) {
        // Then its size still matches and it is tried again; the jar is read instead each time.
      }
    }
  }

  /** "model.onnx" of version V becomes "model-V.onnx". */
  static String versioned(String name, String version) {
    int dot = name.lastIndexOf('.');
    return dot <= 0
        ? name + "-" + version
        : name.substring(0, dot) + "-" + version + name.substring(dot);
  }

  /**
   * Writes to a temporary file beside the target and renames it, so the target is whole or absent.
   */
  private static void write(InputStream in, Path target) throws IOException {
    Path partial = Files.createTempFile(target.getParent(), ".unpacking-", ".part");
    try {
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      try {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /**
   * Points ONNX Runtime at its native library in the cache, unpacked now if missing, instead of
   * letting it unpack a fresh copy into a temporary folder; call before the runtime is first used.
   * Does nothing when the operator has set the runtime's own folder, on a platform the jar has no
   * library for, or when unpacking fails.
   */
  public void useForRuntime() {
    if (System.getProperty(RUNTIME_FOLDER_PROPERTY) == null) {
      runtimeFolder()
          .ifPresent(
              libraries -> System.setProperty(RUNTIME_FOLDER_PROPERTY, libraries.toString()));
    }
  }

  /** The folder holding this platform's two runtime libraries, unpacked now if missing, or none. */
  Optional<Path> runtimeFolder() {
    String platform =
        platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    if (platform == null) {
      return Optional.empty();
    }
    String runtimeName = System.mapLibraryName("onnxruntime");
    String bridgeName = System.mapLibraryName("onnxruntime4j_jni");
    URL runtime =
        UnpackedFiles.class.getResource("/ai/onnxruntime/native/" + platform + "/" + runtimeName);
    URL bridge =
        UnpackedFiles.class.getResource("/ai/onnxruntime/native/" + platform + "/" + bridgeName);
    Optional<JarEntry> runtimeEntry = runtime == null ? Optional.empty() : inJar(runtime);
    Optional<JarEntry> bridgeEntry = bridge == null ? Optional.empty() : inJar(bridge);
    if (runtimeEntry.isEmpty() || bridgeEntry.isEmpty()) {
      return Optional.empty();
    }
    // The runtime looks for both libraries, under their own names, in one folder: name the folder
    // for both.
    Path libraries =
        folder.resolve(
            "onnxruntime-"
                + platform
                + "-"
                + version(runtimeEntry.get())
                + "-"
                + version(bridgeEntry.get()));
    boolean unpacked =
        unpack(runtime, runtimeEntry.get(), libraries.resolve(runtimeName)).isPresent()
            && unpack(bridge, bridgeEntry.get(), libraries.resolve(bridgeName)).isPresent();
    return unpacked ? Optional.of(libraries) : Optional.empty();
  }

  /**
   * The runtime's name for an operating system and processor ("linux-x64"), or null for one it does
   * not ship.
   */
  static String platform(String osName, String osArch) {
    String os = osName.toLowerCase(Locale.ROOT);
    String system =
        os.contains("linux")
            ? "linux"
            : os.contains("mac") || os.contains("darwin")
                ? "osx"
                : os.contains("win") ? "win" : null;
    String arch =
        switch (osArch.toLowerCase(Locale.ROOT)) {
          case "amd64", "x86_64", "x64" -> "x64";
          case "aarch64", "arm64" -> "aarch64";
          default -> null;
        };
    return system == null || arch == null ? null : system + "-" + arch;
  }
}
