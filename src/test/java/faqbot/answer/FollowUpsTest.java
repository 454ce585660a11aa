package faqbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FollowUpsTest {
  @ParameterizedTest
  @CsvSource({"2, 2", "#3, 3", "number 4, 4", "option 1., 1", " 12 , 12"})
  void readsAChoice(String message, int expected) {
    assertThat(FollowUps.choice(message)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2 cats", "what is 2+2", "123", "two"})
  void doesNotTakeOtherMessagesForAChoice(String message) {
    assertThat(FollowUps.choice(message)).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"tell me more", "More please", "go on", "ok, tell me more about it", "continue."})
  void recognisesAskingForMore(String message) {
    assertThat(FollowUps.asksForMore(message)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "and how likely is it?",
        "why?",
        "what about outer alignment",
        "is it dangerous?",
        "how do they do that"
      })
  void recognisesMessagesThatLeanOnContext(String message) {
    assertThat(FollowUps.leansOnContext(message)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "What is reward hacking?",
        "explain the orthogonality thesis to a beginner please"
      })
  void leavesSelfContainedQuestionsAlone(String message) {
    assertThat(FollowUps.leansOnContext(message)).isFalse();
  }
}
