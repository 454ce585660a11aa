package faqbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpellingTest {
  /** Stands in for the sentence model's vocabulary. */
  private static final Set<String> MODEL_WORDS = Set.of("what", "is", "a", "the", "load", "subscribe", "sew",
      "among", "auth");
  private final Spelling spelling = new Spelling(
      Map.of("optimizer", 5, "covid", 40, "symptoms", 12, "should", 30, "among", 2, "amount", 9, "directory", 1,
          "directly", 8, "gradient", 3, "grades", 50),
      MODEL_WORDS::contains);

  @Test
  void correctsOneDroppedDoubledSwappedOrChangedLetter() {
    assertThat(spelling.correct("optimzer")).isEqualTo("optimizer");
    assertThat(spelling.correct("symptomms")).isEqualTo("symptoms");
    assertThat(spelling.correct("shuold")).isEqualTo("should");
    assertThat(spelling.correct("gradiant")).isEqualTo("gradient");
  }

  @Test
  void keepsCaseSpacingAndPunctuation() {
    assertThat(spelling.correct("What is COOVID-19's  sympotms?")).isEqualTo("What is COVID-19's  symptoms?");
    assertThat(spelling.correct("Shuold I?")).isEqualTo("Should I?");
  }

  @Test
  void leavesAloneWordsTheCorpusOrTheModelKnows() {
    assertThat(spelling.correct("what is among auth")).isEqualTo("what is among auth");
    // Known words with a common prefix or suffix, and contractions written without their apostrophe.
    assertThat(spelling.correct("preload subscribers dont")).isEqualTo("preload subscribers dont");
  }

  @Test
  void leavesAloneShortWordsAndWordsWithNoCloseCorpusWord() {
    assertThat(spelling.correct("covd")).isEqualTo("covid");
    assertThat(spelling.correct("cvd")).isEqualTo("cvd");
    assertThat(spelling.correct("zebrafish")).isEqualTo("zebrafish");
    // One letter from "covid" only by changing the first letter, which people rarely mistype.
    assertThat(spelling.correct("bovid")).isEqualTo("bovid");
  }

  @Test
  void prefersTheWordThatKeepsTheLastLetterThenTheCommonerOne() {
    // "amoung": "among" keeps the g; "amount", used more, does not.
    assertThat(spelling.correct("amoung")).isEqualTo("among");
    // "directoy": both keep the y; "directly" is used more.
    assertThat(spelling.correct("directoy")).isEqualTo("directly");
  }

  @Test
  void listsEveryStringOneEditAway() {
    assertThat(Spelling.oneEditAway("abc")).contains("bc", "ac", "ab", "bac", "acb", "xbc", "abx", "xabc", "abcx")
        .doesNotContain("abc", "cba");
  }
}
