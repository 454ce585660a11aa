package faqbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpellingTest {
  /** Stands in for the sentence model's vocabulary. */
  private static final Set<String> MODEL_WORDS =
      Set.of("what", "is", "a", "the", "load", "subscribe", "sew", "among", "auth");

  private final Spelling spelling =
      new Spelling(
          Map.ofEntries(
              Map.entry("optimizer", 5),
              Map.entry("covid", 40),
              Map.entry("symptoms", 12),
              Map.entry("should", 30),
              Map.entry("among", 2),
              Map.entry("amount", 9),
              Map.entry("directory", 1),
              Map.entry("directly", 8),
              Map.entry("gradient", 3),
              Map.entry("grades", 50),
              Map.entry("agi", 5),
              Map.entry("ages", 9)),
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
    assertThat(spelling.correct("What is COOVID-19's  sympotms?"))
        .isEqualTo("What is COVID-19's  symptoms?");
    assertThat(spelling.correct("Shuold I?")).isEqualTo("Should I?");
  }

  @Test
  void leavesAloneWordsTheCorpusOrTheModelKnows() {
    assertThat(spelling.correct("what is among auth")).isEqualTo("what is among auth");
    // Known words with a common prefix or suffix, and contractions written without their
    // apostrophe.
    assertThat(spelling.correct("preload subscribers dont")).isEqualTo("preload subscribers dont");
    // A corpus word with a suffix is no typo: "AGIs" must not become "AGES".
    assertThat(spelling.correct("AGIs")).isEqualTo("AGIs");
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
    assertThat(Spelling.oneEditAway("abc"))
        .contains("bc", "ac", "ab", "bac", "acb", "xbc", "abx", "xabc", "abcx")
        .doesNotContain("abc", "cba");
  }
}
