package faqbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import faqbot.corpus.Span;
import java.util.List;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class TextLayoutTest {
  private static final String UNDERLINE = "\u001b[4m";
  private static final String RESET = "\u001b[0m";

  // ---------------------------------------------------------------- plain ASCII, as it always was

  @Test
  void wrapsWordsGreedilyToTheWidth() {
    TextLayout layout = new TextLayout(30, false);
    assertThat(
            layout.wrap(
                "Inner alignment is the problem of making sure that a trained model pursues the goal"
                    + " it was trained on.",
                "",
                ""))
        .containsExactly(
            "Inner alignment is the problem",
            "of making sure that a trained",
            "model pursues the goal it was",
            "trained on.");
  }

  @Test
  void startsTheFirstLineWithItsMarkerAndIndentsTheRest() {
    TextLayout layout = new TextLayout(24, false);
    assertThat(layout.wrap("one two three four five six seven", "  1. ", "     "))
        .containsExactly("  1. one two three four", "     five six seven");
  }

  @Test
  void collapsesWhitespaceAndKeepsAWordLongerThanTheWidthWhole() {
    TextLayout layout = new TextLayout(20, false);
    assertThat(layout.wrap("  see\t https://example.org/a/very/long/path/indeed \n now ", "", ""))
        .containsExactly("see", "https://example.org/a/very/long/path/indeed", "now");
  }

  @Test
  void neverWrapsNarrowerThanTwentyColumnsAndGivesTheMarkerForEmptyText() {
    assertThat(new TextLayout(5, false).wrap("aaaa bbbb cccc dddd eeee", "", ""))
        .containsExactly("aaaa bbbb cccc dddd", "eeee");
    assertThat(new TextLayout(40, false).wrap("   ", "  - ", "    ")).containsExactly("  - ");
  }

  @Test
  void dropsTheMarksWhereUnderliningIsOffAndCountsNoColumnsForThem() {
    TextLayout layout = new TextLayout(20, false);
    assertThat(layout.wrap("read <u>this paper</u> and <U>that</U> one", "", ""))
        .containsExactly("read this paper and", "that one");
    assertThat(layout.wrap("a stray </u>mark and <u>an open one", "", ""))
        .containsExactly("a stray mark and an", "open one");
  }

  @Test
  void underlinesMarkedTextOnATerminal() {
    TextLayout layout = new TextLayout(80, true);
    assertThat(layout.wrap("read <u>this paper</u> first", "", ""))
        .containsExactly("read " + UNDERLINE + "this paper" + RESET + " first");
  }

  // ---------------------------------------------------------------- display width

  @Test
  void wrapsTextWithoutSpacesByDisplayColumns() {
    String text = "人工知能の安全性とは、人工知能が人間の意図に" + "沿って動くようにするための研究分野です。";
    List<String> lines = new TextLayout(20, false).wrap(text, "  - ", "    ");

    assertThat(lines).hasSizeGreaterThan(1);
    assertThat(lines)
        .allSatisfy(line -> assertThat(columns(line)).as(line).isLessThanOrEqualTo(20));
    // Nothing lost or added but the markers, and no line starts with closing punctuation.
    assertThat(String.join("", lines).replace(" ", "").replace("-", "")).isEqualTo(text);
    assertThat(lines).noneSatisfy(line -> assertThat(line.strip()).startsWith("、"));
    assertThat(lines).noneSatisfy(line -> assertThat(line.strip()).startsWith("。"));
    // Each ideograph takes two columns, so a full line holds eight of them after "  - ".
    assertThat(lines.get(0)).isEqualTo("  - 人工知能の安全性");
  }

  @Test
  void countsWideCharactersAsTwoColumnsBetweenWords() {
    // Counted in chars, "安全 " is 3 wide and six of them fit in 20; in columns it is 5, and only
    // four do.
    List<String> lines = new TextLayout(20, false).wrap("安全 安全 安全 安全 安全 安全", "", "");
    assertThat(lines).containsExactly("安全 安全 安全 安全", "安全 安全");
  }

  @Test
  void neverSplitsAnEmojiOrAGrapheme() {
    String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
    String flag = "\uD83C\uDDEF\uD83C\uDDF5";
    String thumb = "\uD83D\uDC4D\uD83C\uDFFD";
    String accented = "e\u0301";
    String text =
        "安全" + family + "性と" + flag + "人工知能" + thumb + "の研究" + accented + "分野です" + family + "人間の意図"
            + flag + "に沿って";
    for (int width = 20; width <= 30; width++) {
      List<String> lines = new TextLayout(width, false).wrap(text, "", "");
      assertThat(lines).as("width %d", width).hasSizeGreaterThan(1);
      assertThat(String.join("", lines)).isEqualTo(text);
      for (String line : lines) {
        assertThat(columns(line)).as(line).isLessThanOrEqualTo(width);
        assertThat(Character.isLowSurrogate(line.charAt(0)))
            .as("%s starts inside a surrogate pair", line)
            .isFalse();
        assertThat(line.charAt(0))
            .as("%s starts inside a grapheme", line)
            .isNotIn('\u200D', '\u0301');
        assertThat(line).doesNotStartWith("\uD83C\uDFFD").doesNotStartWith("\uD83C\uDDF5");
      }
    }
  }

  @Test
  void keepsAnUnderlinedPhraseUnderlinedOnEveryLineItWrapsTo() {
    TextLayout layout = new TextLayout(30, true);
    String text =
        "See <u>Risks from Learned Optimization in Advanced Machine Learning</u> for more.";
    List<String> lines = layout.wrap(text, "", "");
    assertThat(lines)
        .containsExactly(
            "See " + UNDERLINE + "Risks from Learned" + RESET,
            UNDERLINE + "Optimization in Advanced" + RESET,
            UNDERLINE + "Machine Learning" + RESET + " for more.");
  }

  @Test
  void underlinesWideTextThatWraps() {
    String text = "<u>人工知能の安全性とは人工知能が人間の意図</u>です。";
    List<String> lines = new TextLayout(24, true).wrap(text, "", "");
    assertThat(lines)
        .containsExactly(
            UNDERLINE + "人工知能の安全性とは人工" + RESET, UNDERLINE + "知能が人間の意図" + RESET + "です。");
  }

  /** The columns a line takes on a terminal, as JLine counts them, without its escape sequences. */
  private static int columns(String line) {
    return AttributedString.fromAnsi(line).columnLength();
  }

  @Test
  void runsShowLinksAfterTheirTextAndTerminalHyperlinksNeverOverlap() {
    List<Span> spans =
        List.of(
            Span.text("See "),
            Span.link("the site", "https://a.example"),
            Span.text(" and "),
            Span.link("a page", "https://a.example/x"),
            Span.text("."));
    assertThat(String.join("\n", new TextLayout(200, false).wrap(spans, "", "")))
        .isEqualTo("See the site (https://a.example) and a page (https://a.example/x).");
    String styled = String.join("\n", new TextLayout(200, true).wrap(spans, "", ""));
    // Each URL is its own hyperlink, and the shorter never swallows the start of the longer.
    assertThat(styled)
        .contains("(\u001b]8;;https://a.example\u001b\\https://a.example\u001b]8;;\u001b\\)")
        .contains("(\u001b]8;;https://a.example/x\u001b\\https://a.example/x\u001b]8;;\u001b\\)");
  }

  @Test
  void controlCharactersInCorpusTextNeverReachTheTerminal() {
    String hostile = "a\u001b[2Jb\u001b]8;;https://evil\u001b\\c\u009b2Jd\u202Ee";
    assertThat(new TextLayout(80, false).wrap(hostile, "", ""))
        .containsExactly("a[2Jb]8;;https://evil\\c2Jde");
    assertThat(new TextLayout(80, false).wrap(List.of(Span.text(hostile)), "", ""))
        .containsExactly("a[2Jb]8;;https://evil\\c2Jde");
    assertThat(Span.link("x", "https://a.example/\u009b2J").kind()).isEqualTo(Span.Kind.TEXT);
    assertThat(Span.link("x", "https://a.example/a|b").kind()).isEqualTo(Span.Kind.TEXT);
  }
}
