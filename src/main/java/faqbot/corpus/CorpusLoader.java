package faqbot.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads a corpus folder: every {@code .txt} (the seed's format) and {@code .md} file (Markdown with
 * a front-matter header) in it and its subfolders is one entry; a README is not.
 */
public final class CorpusLoader {
  /**
   * Files larger than this are refused: an FAQ answer is a few kilobytes, a bigger file is a
   * mistake.
   */
  public static final long MAX_FILE_BYTES = 1_000_000;

  private CorpusLoader() {}

  /**
   * Loads every entry it can. A file that cannot be read or parsed is reported and left out; the
   * others load.
   *
   * @throws CorpusException when the folder itself does not exist or cannot be listed
   */
  public static Corpus load(Path folder) {
    List<FaqEntry> entries = new ArrayList<>();
    List<CorpusProblem> problems = new ArrayList<>();
    for (Path file : files(folder)) {
      String shownAs = file.toString();
      try {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
          problems.add(
              CorpusProblem.error(
                  shownAs,
                  0,
                  "is " + size + " bytes; the limit for one entry is " + MAX_FILE_BYTES));
          continue;
        }
        String name = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        CorpusParser.Result result =
            isMarkdown(name)
                ? MarkdownEntryReader.parse(name, shownAs, bytes)
                : CorpusParser.parse(name, shownAs, bytes);
        problems.addAll(result.problems());
        if (result.entry() != null) {
          entries.add(result.entry());
        }
      } catch (IOException | UncheckedIOException e) {
        problems.add(CorpusProblem.error(shownAs, 0, "cannot be read: " + e.getMessage()));
      } catch (EntryException e) {
        problems.add(CorpusProblem.error(shownAs, e.line(), e.getMessage()));
      }
    }
    return Corpus.of(entries, problems);
  }

  /** The entry files of a folder, in a stable order, hidden files and folders left out. */
  public static List<Path> files(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new CorpusException("corpus folder not found: " + folder);
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> !isHidden(folder.relativize(p)))
          .filter(p -> isEntryFile(p.getFileName().toString()))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new CorpusException("cannot list corpus folder " + folder + ": " + e.getMessage());
    }
  }

  private static boolean isEntryFile(String name) {
    return name.endsWith(".txt")
        || isMarkdown(name) && !name.toLowerCase(Locale.ROOT).startsWith("readme.");
  }

  private static boolean isMarkdown(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".md") || lower.endsWith(".markdown");
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
