package faqbot.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CutTest {
  private static final String THUMBS_UP = "\uD83D\uDC4D";

  @Test
  void keepsTextThatFits() {
    assertThat(Cut.atMost("short", 5)).isEqualTo("short");
    assertThat(Cut.atMost("", 0)).isEmpty();
  }

  @Test
  void cutsPlainTextAtTheLimit() {
    assertThat(Cut.atMost("abcdef", 4)).isEqualTo("abcd");
    assertThat(Cut.atMost("abcdef", 0)).isEmpty();
    assertThat(Cut.atMost("abcdef", -3)).isEmpty();
  }

  @Test
  void leavesOutAnEmojiTheLimitFallsInside() {
    String text = "ab" + THUMBS_UP + "cd";
    assertThat(Cut.atMost(text, 3)).isEqualTo("ab");
    assertThat(Cut.atMost(text, 4)).isEqualTo("ab" + THUMBS_UP);
    assertThat(Cut.atMost(THUMBS_UP + THUMBS_UP, 1)).isEmpty();
  }

  @Test
  void noCutEverEndsInHalfAPair() {
    String text = "a" + THUMBS_UP.repeat(3) + "b\uD83C\uDDFA\uD83C\uDDF8" + THUMBS_UP;
    for (int limit = 0; limit <= text.length(); limit++) {
      String cut = Cut.atMost(text, limit);
      assertThat(cut.length()).isLessThanOrEqualTo(limit);
      assertThat(limit - cut.length()).isLessThanOrEqualTo(1);
      assertThat(text).startsWith(cut);
      assertThat(Character.isHighSurrogate(cut.isEmpty() ? 'x' : cut.charAt(cut.length() - 1)))
          .as("limit %d", limit)
          .isFalse();
    }
  }

  @Test
  void aLoneSurrogateIsCutLikeAnyChar() {
    // Not a pair: nothing to keep together.
    assertThat(Cut.boundaryAtOrBefore("a\uD83Db", 2)).isEqualTo(2);
    assertThat(Cut.boundaryAtOrBefore("a" + THUMBS_UP, 2)).isEqualTo(1);
    assertThat(Cut.boundaryAtOrBefore("a" + THUMBS_UP, 3)).isEqualTo(3);
  }
}
