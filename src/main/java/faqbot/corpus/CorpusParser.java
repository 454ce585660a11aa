package faqbot.corpus;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one corpus file, in the plain-text export format of an AISafety.info answer doc, into a
 * {@link FaqEntry}.
 *
 * <p>The format: optional header lines ({@code Question:}, {@code Also asked as:}, {@code Tags:});
 * an optional {@code ■} line naming the embedded video; the answer body; then the sections {@code
 * Related}, {@code Scratchpad}, {@code Removed} and {@code Sources}, each a heading line followed
 * by its text. Without a {@code Question:} header the file's name is the question, as the export
 * names files after the doc's title.
 */
public final class CorpusParser {
  /**
   * The longest question accepted; longer ones are almost surely a paragraph that lost its line
   * break.
   */
  public static final int MAX_QUESTION_LENGTH = 300;

  private static final Pattern HEADER =
      Pattern.compile("^(question|also asked as|tags)\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern BULLET = Pattern.compile("^\\s*[-*•]\\s+(.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d{1,3}[.)]\\s+(.*)$");
  private static final Pattern QUOTE = Pattern.compile("^>\\s?(.*)$");
  private static final String VIDEO_MARK = "■";

  /** The sections that may follow the body, in the order the export writes them. */
  enum Section {
    RELATED,
    SCRATCHPAD,
    REMOVED,
    SOURCES;

    static Section of(String line) {
      String word = line.strip();
      if (word.endsWith(":")) {
        word = word.substring(0, word.length() - 1).strip();
      }
      for (Section s : values()) {
        if (s.name().equalsIgnoreCase(word)) {
          return s;
        }
      }
      return null;
    }

    String title() {
      return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What parsing one file gave: the entry, or null when the file has errors, and every problem
   * found.
   */
  public record Result(FaqEntry entry, List<CorpusProblem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  private CorpusParser() {}

  /**
   * Parses a file's bytes.
   *
   * @param fileName the file's own name ("What is inner alignment?.txt"): gives the id, and the
   *     question when the file has no {@code Question:} header
   * @param shownAs how to name the file in messages (usually its path)
   * @param bytes the file's content
   */
  public static Result parse(String fileName, String shownAs, byte[] bytes) {
    List<CorpusProblem> problems = new ArrayList<>();
    String content;
    try {
      content = decode(bytes);
    } catch (BadBytes e) {
      problems.add(CorpusProblem.error(shownAs, e.line, e.getMessage()));
      return new Result(null, problems);
    }
    FaqEntry entry = new FileParse(fileName, shownAs, content, problems).run();
    boolean failed = problems.stream().anyMatch(CorpusProblem::isError);
    return new Result(failed ? null : entry, problems);
  }

  private static String decode(byte[] bytes) throws BadBytes {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new BadBytes(
            lineAt(bytes, i), "contains a NUL byte: this looks like a binary file, not UTF-8 text");
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      CharBuffer chars = decoder.decode(in);
      String s = chars.toString();
      if (s.startsWith("\uFEFF")) {
        s = s.substring(1);
      }
      return s.replace("\r\n", "\n").replace('\r', '\n');
    } catch (MalformedInputException e) {
      throw new BadBytes(
          lineAt(bytes, in.position()),
          "is not valid UTF-8 text (bad byte at offset "
              + in.position()
              + "); save the file as UTF-8");
    } catch (CharacterCodingException e) {
      throw new BadBytes(0, "is not valid UTF-8 text; save the file as UTF-8");
    }
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static final class BadBytes extends Exception {
    final int line;

    BadBytes(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  /** The state of parsing one file. */
  static final class FileParse {
    private final String fileName;
    private final String shownAs;
    private final String[] lines;
    private final List<CorpusProblem> problems;
    private int next;

    private String question;
    private boolean questionHeaderSeen;
    private final List<String> alternates = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();

    FileParse(String fileName, String shownAs, String content, List<CorpusProblem> problems) {
      this.fileName = fileName;
      this.shownAs = shownAs;
      this.lines = content.split("\n", -1);
      this.problems = problems;
    }

    FaqEntry run() {
      if (lines.length == 0 || String.join("", lines).isBlank()) {
        error(1, "is empty: an entry needs at least an answer");
        return null;
      }
      readHeader();
      resolveQuestion();
      skipBlank();
      String video = readVideo();
      int bodyStart = next + 1;
      List<String> bodyLines = new ArrayList<>();
      List<Integer> bodyLineNumbers = new ArrayList<>();
      while (next < lines.length && Section.of(lines[next]) == null) {
        bodyLines.add(lines[next]);
        bodyLineNumbers.add(next + 1);
        next++;
      }
      checkMarks(bodyLines, bodyLineNumbers);
      List<Block> blocks = blocks(bodyLines);
      if (blocks.isEmpty()) {
        int at = next < lines.length ? next + 1 : bodyStart;
        error(
            at,
            "has no answer text"
                + (next < lines.length ? " before '" + lines[next].strip() + "'" : ""));
      }
      Map<Section, List<int[]>> sections = readSections();
      List<RelatedQuestion> related = new ArrayList<>();
      for (int[] l : sections.getOrDefault(Section.RELATED, List.of())) {
        String item = listItem(lines[l[0]], l[0] + 1, "related question");
        if (item != null) {
          related.add(new RelatedQuestion(item, l[0] + 1));
        }
      }
      StringBuilder editors = new StringBuilder();
      for (Section s : List.of(Section.SCRATCHPAD, Section.REMOVED)) {
        for (int[] l : sections.getOrDefault(s, List.of())) {
          if (!lines[l[0]].isBlank()) {
            editors.append(lines[l[0]].strip()).append('\n');
          }
        }
      }
      List<Source> sources = new ArrayList<>();
      for (int[] l : sections.getOrDefault(Section.SOURCES, List.of())) {
        String item = listItem(lines[l[0]], l[0] + 1, null);
        if (item != null) {
          String mark = Marks.checkBalanced(item);
          if (mark != null) {
            error(l[0] + 1, mark);
          }
          sources.add(SourceParser.parse(item));
        }
      }
      String id = Slugs.slug(stem());
      if (id.isEmpty()) {
        error(
            0,
            "has a name without ASCII letters or digits, so it gives no id: rename the file (the id, used in"
                + " links, is made from the name)");
      }
      boolean failed = problems.stream().anyMatch(CorpusProblem::isError);
      if (sources.isEmpty() && !failed) {
        warn(0, "has no sources");
      }
      if (question == null || id.isEmpty()) {
        return null;
      }
      return new FaqEntry(
          id,
          question,
          alternates,
          tags,
          video,
          blocks,
          related,
          editors.toString().strip(),
          sources,
          shownAs);
    }

    private void readHeader() {
      while (next < lines.length) {
        Matcher m = HEADER.matcher(lines[next]);
        if (!m.matches()) {
          return;
        }
        String key = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String value = m.group(2).strip();
        int line = next + 1;
        switch (key) {
          case "question" -> {
            if (questionHeaderSeen) {
              error(
                  line,
                  "has a second 'Question:' line; an entry answers one question (use 'Also asked as:')");
            } else if (value.isEmpty()) {
              error(line, "'Question:' is empty");
            } else if (value.length() > MAX_QUESTION_LENGTH) {
              error(
                  line,
                  "question is "
                      + value.length()
                      + " characters long; the limit is "
                      + MAX_QUESTION_LENGTH);
            } else {
              question = value;
            }
            questionHeaderSeen = true;
          }
          case "also asked as" -> {
            if (value.isEmpty()) {
              warn(line, "'Also asked as:' is empty");
            } else {
              alternates.add(value);
            }
          }
          default -> {
            for (String tag : value.split(",")) {
              if (!tag.isBlank()) {
                tags.add(tag.strip());
              }
            }
          }
        }
        next++;
      }
    }

    private void resolveQuestion() {
      if (questionHeaderSeen) {
        return;
      }
      String stem = stem().strip();
      if (stem.isEmpty() || (!stem.contains(" ") && stem.matches(".*[-_].*"))) {
        error(
            1,
            "has no question: start the file with a 'Question: …' line, or name the file after its question");
      } else {
        question = stem;
      }
    }

    private String stem() {
      int dot = fileName.lastIndexOf('.');
      return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private void skipBlank() {
      while (next < lines.length && lines[next].isBlank()) {
        next++;
      }
    }

    private String readVideo() {
      if (next < lines.length && lines[next].strip().startsWith(VIDEO_MARK)) {
        String title = lines[next].strip().substring(VIDEO_MARK.length()).strip();
        next++;
        return title.isEmpty() ? null : Marks.strip(title);
      }
      return null;
    }

    private void checkMarks(List<String> bodyLines, List<Integer> numbers) {
      for (int i = 0; i < bodyLines.size(); i++) {
        String problem = Marks.checkBalanced(bodyLines.get(i));
        if (problem != null) {
          error(numbers.get(i), problem);
        }
      }
    }

    /**
     * Groups body lines into paragraphs, quotes and lists; a blank line ends a paragraph or a
     * quote.
     */
    static List<Block> blocks(List<String> body) {
      List<Block> blocks = new ArrayList<>();
      StringBuilder paragraph = new StringBuilder();
      StringBuilder quote = new StringBuilder();
      List<String> items = new ArrayList<>();
      Block.Kind listKind = null;
      for (String raw : body) {
        String line = raw.strip();
        Matcher bullet = BULLET.matcher(raw);
        Matcher numbered = NUMBERED.matcher(raw);
        Matcher q = QUOTE.matcher(line);
        Block.Kind kind =
            bullet.matches() ? Block.Kind.BULLETS : numbered.matches() ? Block.Kind.NUMBERED : null;
        if (line.isEmpty()) {
          flushText(blocks, paragraph, false);
          flushText(blocks, quote, true);
          continue;
        }
        if (kind != null) {
          flushText(blocks, paragraph, false);
          flushText(blocks, quote, true);
          if (listKind != kind && listKind != null) {
            blocks.add(Block.list(listKind, items));
            items = new ArrayList<>();
          }
          listKind = kind;
          items.add((kind == Block.Kind.BULLETS ? bullet.group(1) : numbered.group(1)).strip());
          continue;
        }
        if (listKind != null && Character.isWhitespace(raw.charAt(0))) {
          int last = items.size() - 1;
          items.set(last, items.get(last) + " " + line);
          continue;
        }
        if (listKind != null) {
          blocks.add(Block.list(listKind, items));
          items = new ArrayList<>();
          listKind = null;
        }
        if (q.matches()) {
          flushText(blocks, paragraph, false);
          append(quote, q.group(1).strip());
        } else {
          flushText(blocks, quote, true);
          append(paragraph, line);
        }
      }
      flushText(blocks, paragraph, false);
      flushText(blocks, quote, true);
      if (listKind != null) {
        blocks.add(Block.list(listKind, items));
      }
      return blocks;
    }

    private static void append(StringBuilder text, String line) {
      if (!text.isEmpty()) {
        text.append(' ');
      }
      text.append(line);
    }

    private static void flushText(List<Block> blocks, StringBuilder text, boolean quote) {
      if (!text.isEmpty()) {
        blocks.add(quote ? Block.quote(text.toString()) : Block.paragraph(text.toString()));
        text.setLength(0);
      }
    }

    /**
     * Reads the section headings and their lines; returns, per section, the indexes of its lines.
     */
    private Map<Section, List<int[]>> readSections() {
      Map<Section, List<int[]>> sections = new EnumMap<>(Section.class);
      Map<Section, Integer> headingLine = new EnumMap<>(Section.class);
      Section current = null;
      for (; next < lines.length; next++) {
        Section heading = Section.of(lines[next]);
        if (heading != null) {
          Integer first = headingLine.putIfAbsent(heading, next + 1);
          if (first != null) {
            error(
                next + 1,
                "has a second '"
                    + heading.title()
                    + "' section (the first is at line "
                    + first
                    + ")");
          }
          current = heading;
          sections.computeIfAbsent(heading, s -> new ArrayList<>());
          continue;
        }
        if (!lines[next].isBlank()) {
          sections.get(current).add(new int[] {next});
        }
      }
      return sections;
    }

    /**
     * The text of a list line; a line without a bullet is taken whole, with a warning when {@code
     * what} is named.
     */
    private String listItem(String raw, int line, String what) {
      Matcher bullet = BULLET.matcher(raw);
      if (bullet.matches()) {
        return bullet.group(1).strip().isEmpty() ? null : bullet.group(1).strip();
      }
      Matcher numbered = NUMBERED.matcher(raw);
      if (numbered.matches()) {
        return numbered.group(1).strip();
      }
      if (what != null) {
        warn(line, "expected '- ' before a " + what + "; read the line as one anyway");
      }
      return raw.strip();
    }

    private void error(int line, String message) {
      problems.add(CorpusProblem.error(shownAs, line, message));
    }

    private void warn(int line, String message) {
      problems.add(CorpusProblem.warning(shownAs, line, message));
    }
  }
}
