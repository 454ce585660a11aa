package faqbot.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faqbot.corpus.Source;
import faqbot.testing.Fixtures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The chat answer over the bundled corpus, with the real index and sentence model. */
class AnswererIT {
  private final Answerer answerer = Fixtures.bundledBot().answerer();

  @Test
  void answersTheSeedQuestionWithTheSeedEntry() {
    Answer answer = answerer.answer("What is inner alignment?");
    assertThat(answer.matched()).isTrue();
    assertThat(answer.confidence()).isBetween(0.9, 1.0);
    assertThat(answer.answer().id()).isEqualTo("what-is-inner-alignment");
    assertThat(answer.answer().question()).isEqualTo("What is inner alignment?");
    assertThat(answer.answer().text())
        .startsWith("Inner alignment is the problem of making sure")
        .doesNotContain("Inner alignment asks");
    assertThat(answer.related()).hasSize(5).allSatisfy(link -> assertThat(link.id()).isNotNull());
    assertThat(answer.related())
        .extracting(Answer.Link::id)
        .containsExactly(
            "what-is-deceptive-alignment",
            "what-is-the-difference-between-inner-and-outer-alignment",
            "what-is-goal-misgeneralization",
            "what-are-mesa-optimizers",
            "what-is-the-likelihood-of-inner-misalignment");
    assertThat(answer.sources())
        .hasSize(17)
        .contains(
            new Source(
                "Hubinger, Evan; et. al. (May 2019) Risks from Learned Optimization",
                "Hubinger, Evan; et. al.",
                "May 2019",
                "Risks from Learned Optimization",
                null));
    assertThat(answer.alternatives())
        .hasSize(Answerer.ALTERNATIVES)
        .allSatisfy(a -> assertThat(a.id()).isNotEqualTo("what-is-inner-alignment"));
  }

  /**
   * Paraphrases written to share few words with the questions they ask; each must bring its entry
   * first. (The larger, harder set in src/test/resources/eval/bundled is measured by {@code faqbot
   * eval}, not pinned here.)
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a model that pretends to share our goals while being trained, then defects once deployed"
            + " | what-is-deceptive-alignment",
        "contrast the two halves of the problem: choosing the right objective versus the model adopting it"
            + " | what-is-the-difference-between-inner-and-outer-alignment",
        "an agent keeps its skills in new situations but competently chases the wrong goal"
            + " | what-is-goal-misgeneralization",
        "when a learned model is itself running an internal search toward its own objective"
            + " | what-are-mesa-optimizers",
        "are learned systems likely to end up with goals other than the one they were trained for"
            + " | what-is-the-likelihood-of-inner-misalignment",
        "designing an objective function that truly reflects human intentions | what-is-outer-alignment",
        "could a model manipulate its own training updates to protect its goals | what-is-gradient-hacking",
        "why do models fail when deployment data looks different from the training data"
            + " | what-is-distributional-shift",
        "agent exploits a flaw in its reward signal to get high scores without doing the task"
            + " | what-is-reward-hacking",
        "why would almost any goal lead an AI to want resources and self-preservation"
            + " | what-is-instrumental-convergence",
        "can a very intelligent system have any goal at all, even a silly one | what-is-the-orthogonality-thesis",
        "an AI that accepts being corrected or modified by its operators instead of resisting"
            + " | what-is-corrigibility",
        "understanding what is going on inside a neural network's decisions | what-is-interpretability",
        "training a chatbot with a reward learned from human preference comparisons"
            + " | what-is-reinforcement-learning-from-human-feedback-rlhf",
        // Written blind with five others after the entry gained plain-language phrasings
        // (docs/quality.md): with
        // bge-small alone 4 of the 6 came first, with both models 3 (this one each time).
        "how do you build an AI that reliably pursues the outcomes people want | what-is-ai-alignment"
      })
  void bringsEachRequiredQuestionFirstFromAParaphrase(String paraphrase, String id) {
    Answer answer = answerer.answer(paraphrase);
    // Written to share few words with their entries, some are answered and some only offered,
    // first, as a choice;
    // none is answered with another entry.
    assertThat(answer.outcome())
        .as("confidence %s", answer.confidence())
        .isIn(Outcome.ANSWER, Outcome.CLARIFY);
    String first = answer.matched() ? answer.answer().id() : answer.alternatives().get(0).id();
    assertThat(first).isEqualTo(id);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Is sycophancy a kind of reward hacking? | what-is-sycophancy-in-language-models | what-is-reward-hacking",
        "whats the difference between rlhf and rlaif | what-is-reinforcement-learning-from-human-feedback-rlhf"
            + " | what-is-constitutional-ai",
        "How does AI control differ from boxing an AI? | what-is-ai-control | cant-we-just-keep-a-dangerous-ai-in-a-box"
      })
  void asksWhichWasMeantWhenAQuestionFallsBetweenTwoEntries(
      String message, String one, String other) {
    Answer answer = answerer.answer(message);
    assertThat(answer.outcome()).isEqualTo(Outcome.CLARIFY);
    assertThat(answer.matched()).isFalse();
    assertThat(answer.answer()).isNull();
    assertThat(answer.reply()).contains("Did you mean");
    assertThat(answer.alternatives())
        .hasSizeBetween(2, Answerer.CHOICES)
        .extracting(Answer.Alternative::id)
        .contains(one, other);
    // Picking one answers it, as a number or as its question.
    int second =
        answer.alternatives().stream().map(Answer.Alternative::id).toList().indexOf(other) + 1;
    Answer picked = answerer.answer(Integer.toString(second), answer.context());
    assertThat(picked.outcome()).isEqualTo(Outcome.ANSWER);
    assertThat(picked.answer().id()).isEqualTo(other);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Who funds AI safety work?",
        "What is prosaic alignment?",
        "Where can I study AI safety?",
        "What does Metaculus predict for the arrival of AGI?",
        "Who first came up with the term AI alignment?"
      })
  void neverAnswersAQuestionInTheFieldThatNoEntryAnswers(String message) {
    Answer answer = answerer.answer(message);
    assertThat(answer.outcome())
        .as("confidence %s", answer.confidence())
        .isIn(Outcome.CLARIFY, Outcome.DECLINE);
    assertThat(answer.answer()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"hi", "Hello there!", "thanks!", "who are you?", "what can you do?", "bye"})
  void repliesToSmallTalkWithQuestionsToStartWith(String message) {
    Answer answer = answerer.answer(message);
    assertThat(answer.outcome()).isEqualTo(Outcome.SMALLTALK);
    assertThat(answer.matched()).isFalse();
    assertThat(answer.reply()).doesNotStartWith("Sorry");
    assertThat(answer.alternatives())
        .hasSize(Answerer.STARTERS)
        .allSatisfy(a -> assertThat(a.id()).isNotNull());
    Answer started = answerer.answer("1", answer.context());
    assertThat(started.answer().id()).isEqualTo(answer.alternatives().get(0).id());
  }

  @Test
  void answersTheQuestionAfterAGreeting() {
    Answer answer = answerer.answer("hi! what is reward hacking?");
    assertThat(answer.outcome()).isEqualTo(Outcome.ANSWER);
    assertThat(answer.answer().id()).isEqualTo("what-is-reward-hacking");
  }

  @Test
  void answersOnlyFromTheEntriesAScopeAdmits() {
    Answer everywhere = answerer.answer("What is inner alignment?");
    assertThat(everywhere.answer().id()).isEqualTo("what-is-inner-alignment");
    Answer governance =
        answerer.answer("What is inner alignment?", null, Scope.tagged(List.of("governance")));
    assertThat(governance.matched()).isFalse();
    assertThat(governance.alternatives())
        .extracting(Answer.Alternative::id)
        .doesNotContain("what-is-inner-alignment");
    assertThat(
            answerer.search(
                "inner alignment", 10, Scope.without(List.of("what-is-inner-alignment"))))
        .extracting(c -> c.entry().id())
        .isNotEmpty()
        .doesNotContain("what-is-inner-alignment");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "What's a good recipe for banana bread?",
        "How do I change a flat tyre on my car?",
        "who won the world cup in 2018",
        "Is it going to rain in Lisbon tomorrow?"
      })
  void declinesOffTopicQuestionsAndOffersTheClosestOnes(String message) {
    Answer answer = answerer.answer(message);
    assertThat(answer.matched()).isFalse();
    assertThat(answer.answer()).isNull();
    assertThat(answer.related()).isEmpty();
    assertThat(answer.sources()).isEmpty();
    assertThat(answer.reply()).startsWith("Sorry, I don't have an answer to that");
    assertThat(answer.confidence()).isLessThan(Calibration.DEFAULT.clarifyAt());
    assertThat(answer.alternatives())
        .hasSizeLessThanOrEqualTo(Answerer.SUGGESTIONS)
        .allSatisfy(
            a -> assertThat(a.confidence()).isGreaterThanOrEqualTo(Answerer.SUGGESTION_FLOOR));
  }

  @Test
  void ranksForSearchWithConfidencesInOrder() {
    List<Candidate> found = answerer.search("mesa optimizer", 5);
    assertThat(found).hasSize(5);
    assertThat(found.get(0).entry().id()).isEqualTo("what-are-mesa-optimizers");
    assertThat(found).allSatisfy(c -> assertThat(c.confidence()).isBetween(0.0, 1.0));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "intrumental convergance | instrumental convergence",
        "explain reward hakcing | explain reward hacking",
        "wat is corigibility | wat is corrigibility",
        "Distribtional shift? | Distributional shift?"
      })
  void answersAMisspeltQuestionAsIfItWereSpeltRight(String misspelt, String spelt) {
    Answer corrected = answerer.answer(misspelt);
    Answer right = answerer.answer(spelt);
    assertThat(corrected.answer().id()).isEqualTo(right.answer().id());
    assertThat(corrected.confidence()).isEqualTo(right.confidence());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "what's rlhf",
        "mesa optimzer",
        "What GPU should I buy for deep learning on a budget?",
        "intro to making computer systems act in line with human intentions"
      })
  void neverRatesAnEntryAboveOneRankedBeforeIt(String message) {
    Answer answer = answerer.answer(message);
    List<Double> shown = new ArrayList<>();
    if (answer.matched()) {
      shown.add(answer.confidence());
    }
    answer.alternatives().forEach(a -> shown.add(a.confidence()));
    assertThat(shown).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(answerer.search(message, 10))
        .extracting(Candidate::confidence)
        .isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void refusesMessagesItCannotAnswer() {
    assertThatThrownBy(() -> answerer.answer(null)).isInstanceOf(InvalidMessageException.class);
    assertThatThrownBy(() -> answerer.answer(" \t\n")).hasMessage("the message is empty");
    assertThatThrownBy(() -> answerer.answer("x".repeat(Answerer.MAX_MESSAGE_CHARS + 1)))
        .hasMessageContaining("limit is " + Answerer.MAX_MESSAGE_CHARS);
    assertThat(answerer.answer("  What   is\ninner alignment?  ").answer().id())
        .isEqualTo("what-is-inner-alignment");
  }

  @Test
  void looksUpEntriesById() {
    assertThat(answerer.entry("what-are-mesa-optimizers"))
        .hasValueSatisfying(
            e -> {
              assertThat(e.question()).isEqualTo("What are mesa-optimizers?");
              assertThat(e.related()).isNotEmpty().allSatisfy(l -> assertThat(l.id()).isNotNull());
            });
    assertThat(answerer.entry("no-such-entry")).isEmpty();
  }

  @Test
  void followsUpOnWhatWasJustShown() {
    Answer first = answerer.answer("What is inner alignment?");
    Answer picked = answerer.answer("2", first.context());
    assertThat(picked.answer().id()).isEqualTo(first.related().get(1).id());
    assertThat(picked.confidence()).isEqualTo(1.0);

    Answer more = answerer.answer("tell me more", first.context());
    assertThat(more.answer().id()).isEqualTo(first.related().get(0).id());

    Answer likely = answerer.answer("and how likely is it?", first.context());
    assertThat(likely.answer().id()).isEqualTo("what-is-the-likelihood-of-inner-misalignment");

    Answer outOfRange = answerer.answer("9", first.context());
    assertThat(outOfRange.matched()).isFalse();
    assertThat(outOfRange.reply()).contains("pick one from 1 to 5");
    assertThat(outOfRange.alternatives())
        .extracting(Answer.Alternative::id)
        .containsExactlyElementsOf(first.related().stream().map(Answer.Link::id).toList());
  }

  @Test
  void offersNoQuestionsForSomethingFarFromEveryEntry() {
    Answer answer = answerer.answer("what's the best pizza in Naples?");
    assertThat(answer.matched()).isFalse();
    assertThat(answer.alternatives()).isEmpty();
    assertThat(answer.reply()).contains("does not seem to be something this FAQ covers");
  }

  @Test
  void offersTheClosestQuestionsForANearMiss() {
    Answer answer = answerer.answer("What is prosaic alignment?");
    assertThat(answer.matched()).isFalse();
    assertThat(answer.alternatives())
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.question()).contains("alignment"));
  }

  @Test
  void readsANumberWithoutContextAsAnOrdinaryMessage() {
    assertThat(answerer.answer("2").matched()).isFalse();
  }

  @Test
  void refusesAContextTokenItDidNotIssue() {
    assertThatThrownBy(() -> answerer.answer("2", "not-a-token"))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("context token");
    assertThatThrownBy(() -> answerer.answer("2", "c1.!!!"))
        .isInstanceOf(InvalidMessageException.class);
  }
}
