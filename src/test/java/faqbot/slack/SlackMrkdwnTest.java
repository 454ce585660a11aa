package faqbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackMrkdwnTest {
  @Test
  void escapesTheThreeReservedCharacters() {
    assertThat(Mrkdwn.escape("a & b < c > d &amp;")).isEqualTo("a &amp; b &lt; c &gt; d &amp;amp;");
  }

  @Test
  void corpusMarksBecomePlainText() {
    assertThat(Mrkdwn.fromCorpus("uses <u>Stochastic Gradient Descent</u> (SGD) & <u>more</u>"))
        .isEqualTo("uses Stochastic Gradient Descent (SGD) &amp; more");
  }

  @Test
  void readsWhatAUserTyped() {
    assertThat(Mrkdwn.fromSlack("<@U0BOT> what is AI &amp; why &lt;care&gt;?"))
        .isEqualTo("what is AI & why <care>?");
    assertThat(
            Mrkdwn.fromSlack(
                "<@U0BOT|faqbot>   see <https://example.org/x|this page> in <#C123|general>"))
        .isEqualTo("see this page in #general");
    assertThat(Mrkdwn.fromSlack("<!here> <https://example.org>")).isEqualTo("https://example.org");
    assertThat(Mrkdwn.fromSlack(null)).isEmpty();
    assertThat(Mrkdwn.fromSlack("<@U0BOT>")).isEmpty();
  }

  @Test
  void linksOnlySafeUrls() {
    assertThat(Mrkdwn.link("https://arxiv.org/abs/1706.03741", "Deep RL & preferences"))
        .isEqualTo("<https://arxiv.org/abs/1706.03741|Deep RL &amp; preferences>");
    assertThat(Mrkdwn.link("https://x.org/a>b", "t")).isEqualTo("t");
    assertThat(Mrkdwn.link("javascript:alert(1)", "t")).isEqualTo("t");
    assertThat(Mrkdwn.link(null, "<t>")).isEqualTo("&lt;t&gt;");
  }

  @Test
  void cutsAtTheCleanestPlaceThatFits() {
    String text = "First sentence here. Second sentence is longer than the first one. Third.";
    assertThat(Mrkdwn.cut(text, 200)).isEqualTo(text);
    assertThat(Mrkdwn.cut(text, 35)).isEqualTo("First sentence here.");
    // A sentence end in the first half is not worth losing that much: cut at a space instead.
    assertThat(Mrkdwn.cut(text, 60))
        .isEqualTo("First sentence here. Second sentence is longer than the");
    assertThat(Mrkdwn.cut(text, 70))
        .isEqualTo("First sentence here. Second sentence is longer than the first one.");
    assertThat(Mrkdwn.cut("Para one.\n\nPara two is here. And more.", 30))
        .isEqualTo("Para one.\n\nPara two is here.");
    assertThat(Mrkdwn.cut("word ".repeat(20), 23)).isEqualTo("word word word word");
  }

  @Test
  void neverCutsInsideAnEscapeOrASurrogatePair() {
    String escaped = "x".repeat(10) + "&amp;" + "y".repeat(10);
    for (int limit = 10; limit <= 15; limit++) {
      String cut = Mrkdwn.cut(escaped, limit);
      assertThat(cut.length()).isLessThanOrEqualTo(limit);
      assertThat(cut)
          .satisfiesAnyOf(
              c -> assertThat(c).doesNotContain("&"), c -> assertThat(c).endsWith("&amp;"));
    }
    String emoji = "a".repeat(9) + "\uD83D\uDC4D" + "b".repeat(9);
    assertThat(
            Character.isHighSurrogate(
                Mrkdwn.cut(emoji, 10).charAt(Mrkdwn.cut(emoji, 10).length() - 1)))
        .isFalse();
  }

  @Test
  void noCutOrClipEndsInHalfAnEmoji() {
    String text = "\uD83D\uDC4D".repeat(3) + " a&amp;b " + "\uD83D\uDE00".repeat(4) + ". x";
    for (int limit = 1; limit <= text.length(); limit++) {
      String cut = Mrkdwn.cut(text, limit);
      String clipped = Mrkdwn.clip(text, limit);
      assertThat(cut)
          .as("cut to %d", limit)
          .hasSizeLessThanOrEqualTo(limit)
          .satisfies(SlackMrkdwnTest::wholePairs);
      assertThat(clipped)
          .as("clipped to %d", limit)
          .hasSizeLessThanOrEqualTo(limit)
          .satisfies(SlackMrkdwnTest::wholePairs);
    }
  }

  /** Fails when {@code text} holds half a surrogate pair. */
  static void wholePairs(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
            .as("a high surrogate without its pair at %d in %s", i, text)
            .isTrue();
        i++;
      } else {
        assertThat(Character.isLowSurrogate(c))
            .as("a low surrogate without its pair at %d in %s", i, text)
            .isFalse();
      }
    }
  }

  @Test
  void clipAddsAnEllipsis() {
    assertThat(Mrkdwn.clip("short", 75)).isEqualTo("short");
    String clipped =
        Mrkdwn.clip(
            "What is the difference between inner alignment and outer alignment, and why does it"
                + " matter?",
            75);
    assertThat(clipped).hasSizeLessThanOrEqualTo(75).endsWith("\u2026");
  }
}
