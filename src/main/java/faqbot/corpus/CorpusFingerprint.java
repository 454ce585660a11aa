package faqbot.corpus;

import faqbot.text.Hashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * A hash of a corpus's files, names and contents, the phrasings files beside it included, so an
 * index can tell whether it was built from them.
 */
public final class CorpusFingerprint {
  private CorpusFingerprint() {}

  /** The fingerprint of a corpus folder or of a single corpus file. */
  public static String of(Path corpus) {
    MessageDigest digest = Hashes.sha256();
    List<Path> files =
        new ArrayList<>(Files.isDirectory(corpus) ? CorpusLoader.files(corpus) : List.of(corpus));
    files.addAll(PhrasingsFile.files(corpus));
    for (Path file : files) {
      String name =
          Files.isDirectory(corpus)
              ? corpus.relativize(file).toString()
              : file.getFileName().toString();
      digest.update(name.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      try {
        digest.update(Files.readAllBytes(file));
      } catch (IOException e) {
        // An unreadable file still changes the fingerprint, so its recovery triggers a rebuild.
        digest.update(("unreadable:" + e.getMessage()).getBytes(StandardCharsets.UTF_8));
      }
      digest.update((byte) 0);
    }
    return Hashes.hex(digest);
  }
}
