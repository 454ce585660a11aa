package faqbot.corpus;

import java.nio.file.Files;
import java.nio.file.Path;

/** Loads a corpus from what a user points at: a folder of entry files, or a {@code .jsonl} file. */
public final class Corpora {
  private Corpora() {}

  /**
   * Reads the corpus at {@code path}, with the phrasings files beside it merged into its entries
   * ({@link Phrasings}).
   */
  public static Corpus load(Path path) {
    return Phrasings.apply(path, read(path));
  }

  private static Corpus read(Path path) {
    if (Files.isDirectory(path)) {
      return CorpusLoader.load(path);
    }
    if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jsonl")) {
      return JsonlCorpusReader.read(path);
    }
    if (!Files.exists(path)) {
      throw new CorpusException("corpus not found: " + path);
    }
    throw new CorpusException(
        "a corpus is a folder of .txt entries or a .jsonl file; " + path + " is neither");
  }
}
