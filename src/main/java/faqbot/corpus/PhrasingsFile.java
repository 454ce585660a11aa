package faqbot.corpus;

import faqbot.text.Cut;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files beside a corpus that add phrasings and tags to its entries without touching the
 * entries' own files: reading one, finding them, and appending to one safely.
 *
 * <p>A phrasings file is UTF-8 text, a block per entry, in the words of the entry format:
 *
 * <pre>
 * # What readers ask that the entries' own files do not say.
 * Entry: What is inner alignment?
 * Also asked as: What does inner alignment mean?
 * Tags: mesa-optimization
 *
 * Entry: what-is-reward-hacking
 * Also asked as: Can an AI cheat at its own reward?
 * </pre>
 *
 * <p>{@code Entry:} names an entry by its id or its question (or one of its phrasings); the {@code
 * Also asked as:} and {@code Tags:} lines under it add to that entry. Blank lines and lines
 * starting with {@code #} are ignored. A line that cannot be read is reported with its line number
 * and skipped; the other lines still count.
 */
public final class PhrasingsFile {
  /** The ending of a phrasings file's name; the entry loader reads only {@code .txt} files. */
  public static final String EXTENSION = ".phrasings";

  /** The file in a corpus folder that phrasings added through the server are appended to. */
  public static final String ADDED = "added" + EXTENSION;

  /** The longest phrasing: the same limit as an entry's own question. */
  public static final int MAX_PHRASING_CHARS = CorpusParser.MAX_QUESTION_LENGTH;

  /** A {@code Key: value} line; the value may hold any character but the line breaks split on. */
  private static final Pattern LINE =
      Pattern.compile("^\\s*([A-Za-z][A-Za-z ]*?)\\s*:(.*)$", Pattern.DOTALL);

  private PhrasingsFile() {}

  /** What a line adds to its entry. */
  public enum Kind {
    PHRASING,
    TAG
  }

  /**
   * One addition read from a file.
   *
   * @param entry the entry as the {@code Entry:} line names it: an id or a question
   * @param entryLine the line of that {@code Entry:}
   * @param kind a phrasing or a tag
   * @param text the phrasing or the tag
   * @param file the file, as shown in messages
   * @param line the addition's own line
   */
  public record Addition(
      String entry, int entryLine, Kind kind, String text, String file, int line) {}

  /** What a file says, and what is wrong with it. */
  public record Read(List<Addition> additions, List<CorpusProblem> problems) {}

  /** Why a phrasing cannot be written, or null when it can: empty, too long, or not on one line. */
  public static String checkPhrasing(String phrasing) {
    if (phrasing == null || phrasing.isBlank()) {
      return "the phrasing is empty";
    }
    String text = phrasing.strip();
    if (text.length() > MAX_PHRASING_CHARS) {
      return "the phrasing is "
          + text.length()
          + " characters long; the limit is "
          + MAX_PHRASING_CHARS;
    }
    if (text.chars().anyMatch(Character::isISOControl)) {
      return "the phrasing must be one line of text, without line breaks or control characters";
    }
    return null;
  }

  /** Reads one phrasings file's bytes; {@code shownAs} names it in problems. */
  public static Read parse(String shownAs, byte[] bytes) {
    List<Addition> additions = new ArrayList<>();
    List<CorpusProblem> problems = new ArrayList<>();
    String content;
    try {
      content =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      problems.add(
          CorpusProblem.error(shownAs, 0, "is not valid UTF-8 text; save the file as UTF-8"));
      return new Read(additions, problems);
    }
    if (content.startsWith("\uFEFF")) {
      content = content.substring(1);
    }
    String[] lines = content.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    String entry = null;
    int entryLine = 0;
    boolean entryBad = false;
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      String key = m.matches() ? m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") : "";
      String value = m.matches() ? m.group(2).strip() : "";
      switch (key) {
        case "entry" -> {
          entryLine = number;
          entryBad = value.isEmpty();
          entry = entryBad ? null : value;
          if (entryBad) {
            problems.add(
                CorpusProblem.error(
                    shownAs, number, "'Entry:' is empty; name an entry by its id or its question"));
          }
        }
        case "also asked as", "tags" -> {
          if (entry == null) {
            if (!entryBad) {
              problems.add(
                  CorpusProblem.error(
                      shownAs,
                      number,
                      "comes before any 'Entry:' line; say which entry it adds to first"));
            }
            continue;
          }
          if (key.equals("tags")) {
            boolean any = false;
            for (String tag : value.split(",")) {
              if (!tag.isBlank()) {
                additions.add(
                    new Addition(entry, entryLine, Kind.TAG, tag.strip(), shownAs, number));
                any = true;
              }
            }
            if (!any) {
              problems.add(CorpusProblem.warning(shownAs, number, "'Tags:' is empty"));
            }
          } else {
            String wrong = checkPhrasing(value);
            if (wrong != null) {
              problems.add(CorpusProblem.error(shownAs, number, wrong));
            } else {
              additions.add(new Addition(entry, entryLine, Kind.PHRASING, value, shownAs, number));
            }
          }
        }
        default ->
            problems.add(
                CorpusProblem.error(
                    shownAs,
                    number,
                    "is not an 'Entry:', 'Also asked as:' or 'Tags:' line, nor a # comment: \""
                        + Cut.atMost(line, 80)
                        + "\""));
      }
    }
    return new Read(additions, problems);
  }

  /** Reads a phrasings file; one that cannot be read is reported and adds nothing. */
  public static Read read(Path file) {
    String shownAs = file.toString();
    try {
      long size = Files.size(file);
      if (size > CorpusLoader.MAX_FILE_BYTES) {
        return new Read(
            List.of(),
            List.of(
                CorpusProblem.error(
                    shownAs,
                    0,
                    "is " + size + " bytes; the limit is " + CorpusLoader.MAX_FILE_BYTES)));
      }
      return parse(shownAs, Files.readAllBytes(file));
    } catch (IOException | UncheckedIOException e) {
      return new Read(
          List.of(), List.of(CorpusProblem.error(shownAs, 0, "cannot be read: " + e.getMessage())));
    }
  }

  /**
   * The phrasings files of a corpus, in a stable order: in a folder, every {@code *.phrasings} file
   * in it and its subfolders (hidden ones left out); beside a single corpus file such as {@code
   * faq.jsonl}, the file of the same name ending in {@code .phrasings} ({@code faq.phrasings}),
   * when there is one.
   */
  public static List<Path> files(Path corpus) {
    if (Files.isDirectory(corpus)) {
      try (Stream<Path> walk = Files.walk(corpus)) {
        return walk.filter(p -> !hidden(corpus.relativize(p)))
            .filter(p -> p.getFileName().toString().endsWith(EXTENSION))
            .filter(Files::isRegularFile)
            .sorted()
            .toList();
      } catch (IOException | UncheckedIOException e) {
        throw new CorpusException("cannot list corpus folder " + corpus + ": " + e.getMessage());
      }
    }
    Path sibling = sibling(corpus);
    return Files.isRegularFile(sibling) ? List.of(sibling) : List.of();
  }

  /**
   * The file phrasings added by a program go to: {@value #ADDED} in a corpus folder, the sibling
   * {@code .phrasings} file of a single corpus file.
   */
  public static Path target(Path corpus) {
    return Files.isDirectory(corpus) ? corpus.resolve(ADDED) : sibling(corpus);
  }

  private static Path sibling(Path corpusFile) {
    String name = corpusFile.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return corpusFile.resolveSibling(stem + EXTENSION);
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Appends a block adding one phrasing to an entry, durably and atomically: the file's new content
   * is written beside it under a hidden name, forced to disk, and renamed over it, and the folder
   * is forced too; a reader sees the old file or the new one, never half of it. Callers serialise
   * their appends to one file.
   *
   * @throws IllegalArgumentException when the phrasing or the entry id cannot be written on a line
   */
  public static void append(Path file, String entryId, String phrasing) throws IOException {
    String wrong = checkPhrasing(phrasing);
    if (wrong != null) {
      throw new IllegalArgumentException(wrong);
    }
    if (entryId.isBlank() || entryId.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("the entry id must be one line of text");
    }
    byte[] old = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
    StringBuilder block = new StringBuilder();
    if (old.length > 0 && old[old.length - 1] != '\n') {
      block.append('\n');
    }
    if (old.length > 0) {
      block.append('\n');
    }
    block
        .append("Entry: ")
        .append(entryId.strip())
        .append('\n')
        .append("Also asked as: ")
        .append(phrasing.strip())
        .append('\n');
    byte[] added = block.toString().getBytes(StandardCharsets.UTF_8);
    Path folder = file.toAbsolutePath().getParent();
    Path partial = Files.createTempFile(folder, "." + file.getFileName() + ".", ".partial");
    try {
      try (FileChannel out =
          FileChannel.open(
              partial, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        writeFully(out, ByteBuffer.wrap(old));
        writeFully(out, ByteBuffer.wrap(added));
        out.force(true);
      }
      try {
        Files.move(
            partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(partial);
    }
    forceFolder(folder);
  }

  private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
  }

  /** Forces a folder's entries (the rename) to disk, where the platform allows opening a folder. */
  private static void forceFolder(Path folder) {
    try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows cannot open a folder as a channel; there the rename is as durable as it gets.
    }
  }
}
