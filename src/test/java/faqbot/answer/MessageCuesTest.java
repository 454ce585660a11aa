package faqbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCuesTest {
  @Test
  void namesAreAcronymsWordsWithDigitsAndCapitalsWithinASentence() {
    assertThat(MessageCues.names("What does Metaculus predict for AGI and GPT-4? Ask DeepMind."))
        .containsExactly("Metaculus", "AGI", "GPT-4", "DeepMind");
    // A capital that starts a sentence, or "I", is not a name.
    assertThat(MessageCues.names("Why is alignment hard? I wonder. Is it?")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Who funds alignment research?",
        "how much money did the prize give out",
        "When will AGI arrive?",
        "Which companies use constitutional AI?",
        "where can I study AI safety"
      })
  void asksForAParticularFact(String message) {
    assertThat(MessageCues.of(message).specificAsk()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"What is reward hacking?", "why would an AI seek power", "how does RLHF work"})
  void asksAboutAnIdea(String message) {
    assertThat(MessageCues.of(message).specificAsk()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "whats the difference between rlhf and rlaif",
        "Is sycophancy a kind of reward hacking?",
        "soft vs hard takeoff",
        "Is AI safety the same thing as AI alignment?"
      })
  void comparesTwoThings(String message) {
    assertThat(MessageCues.of(message).comparison()).isTrue();
  }

  @Test
  void aPlainQuestionComparesNothing() {
    assertThat(MessageCues.of("What is goal misgeneralization?").comparison()).isFalse();
  }
}
