package faqbot.fuzz;

import static faqbot.fuzz.Check.that;

import com.code_intelligence.jazzer.junit.FuzzTest;
import faqbot.corpus.Block;
import faqbot.corpus.CorpusParser;
import faqbot.corpus.CorpusProblem;
import faqbot.corpus.FaqEntry;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Fuzzes {@link CorpusParser#parse} with arbitrary file names and contents.
 *
 * <p>Input: {@code fileName NUL bytes}; an input without a NUL is all file content, named {@value
 * #DEFAULT_NAME} (the name the seed entry has in the corpus, which gives it its question). Seeds,
 * in {@code src/test/resources/faqbot/fuzz/CorpusParserFuzzTestInputs/parse/}: real corpus files,
 * small malformed ones, and the inputs of past findings.
 *
 * <p>Declared behaviour checked: never throws; the entry is null exactly when there is an ERROR
 * problem; every problem names the file as shown and a line between 0 and the number of lines + 1;
 * an entry has a non-empty id of lowercase ASCII words joined by hyphens, a question, at least one
 * block of answer text, and names the file.
 */
class CorpusParserFuzzTest {
  static final String DEFAULT_NAME = "What is inner alignment?.txt";
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  @FuzzTest(maxDuration = "10m")
  void parse(byte[] input) {
    FuzzInputs.Split split = FuzzInputs.split(input, DEFAULT_NAME);
    String fileName = split.field(0);
    byte[] bytes = split.rest();
    String shownAs = "corpus/" + fileName;

    CorpusParser.Result result = CorpusParser.parse(fileName, shownAs, bytes);

    that(result != null && result.problems() != null, "no result");
    boolean hasError = false;
    int lines = lineCount(bytes);
    for (CorpusProblem problem : result.problems()) {
      that(problem != null, "null problem");
      hasError |= problem.isError();
      that(shownAs.equals(problem.file()), "problem names another file: %s", problem);
      that(problem.severity() != null, "problem without severity: %s", problem);
      that(
          problem.message() != null && !problem.message().isBlank(),
          "problem without message: %s",
          problem);
      that(
          problem.line() >= 0 && problem.line() <= lines + 1,
          "line out of range (file has %d lines): %s",
          lines,
          problem);
      that(problem.toString() != null, "unprintable problem");
    }
    that(
        (result.entry() == null) == hasError,
        "entry is %s but errors are %s",
        result.entry(),
        result.problems());

    FaqEntry entry = result.entry();
    if (entry != null) {
      that(ID.matcher(entry.id()).matches(), "bad id '%s'", entry.id());
      that(
          entry.question() != null
              && !entry.question().isBlank()
              && entry.question().equals(entry.question().strip()),
          "bad question '%s'",
          entry.question());
      that(!entry.blocks().isEmpty(), "entry without answer text");
      for (Block block : entry.blocks()) {
        that(block != null, "null block");
        if (block.kind() == Block.Kind.PARAGRAPH || block.kind() == Block.Kind.QUOTE) {
          that(block.text() != null && !block.text().isBlank(), "blank %s", block);
        } else {
          that(!block.items().isEmpty(), "empty list %s", block);
        }
      }
      that(shownAs.equals(entry.file()), "entry names another file: %s", entry.file());
      that(
          entry.alternates().stream().noneMatch(String::isBlank),
          "blank alternate: %s",
          entry.alternates());
      that(entry.tags().stream().noneMatch(String::isBlank), "blank tag: %s", entry.tags());
      that(entry.editorsText() != null, "null editors' text");
      // What the rest of the bot does with an entry must work too.
      that(entry.text() != null && entry.plainText() != null, "no text");
    }

    // Parsing is a function of its input.
    that(CorpusParser.parse(fileName, shownAs, bytes).equals(result), "a second parse differs");
  }

  /**
   * The number of lines of the file, counting a line break of any kind ({@code \r\n}, {@code \r},
   * {@code \n}).
   */
  private static int lineCount(byte[] bytes) {
    String text =
        new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
    return text.split("\n", -1).length;
  }
}
