package faqbot.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads a corpus from what a user points at, choosing the reader by what it is: a folder of entry
 * files (the seed's text format and Markdown with front matter, mixed as one likes), the
 * AISafety.info table export or an evaluation corpus ({@code .jsonl}), or a spreadsheet ({@code
 * .csv}, {@code .tsv}).
 */
public final class Corpora {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Corpora() {}

  /**
   * Reads the corpus at {@code path}, with the phrasings files beside it merged into its entries
   * ({@link Phrasings}).
   */
  public static Corpus load(Path path) {
    return load(path, CorpusSource.of(path));
  }

  static Corpus load(Path path, CorpusSource source) {
    return Phrasings.apply(path, read(path, source));
  }

  private static Corpus read(Path path, CorpusSource source) {
    if (Files.isDirectory(path)) {
      return CorpusLoader.load(path);
    }
    if (!Files.exists(path)) {
      throw new CorpusException("corpus not found: " + path);
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (Files.isRegularFile(path) && name.endsWith(".jsonl")) {
      return isExport(path)
          ? AisafetyExportReader.read(path, source)
          : JsonlCorpusReader.read(path);
    }
    if (Files.isRegularFile(path) && (name.endsWith(".csv") || name.endsWith(".tsv"))) {
      return SpreadsheetReader.read(path);
    }
    throw new CorpusException(
        "a corpus is a folder of .txt and .md entries, a .jsonl file, or a .csv or .tsv"
            + " spreadsheet; "
            + path
            + " is none of these");
  }

  /** Whether a {@code .jsonl} file's first row is one of the AISafety.info table export. */
  private static boolean isExport(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          try {
            return AisafetyExportReader.isExportRow(JSON.readTree(line.replace("\uFEFF", "")));
          } catch (IOException e) {
            return false;
          }
        }
      }
      return false;
    } catch (IOException e) {
      throw new CorpusException("cannot read corpus file " + file + ": " + e.getMessage());
    }
  }
}
