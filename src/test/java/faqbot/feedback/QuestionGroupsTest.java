package faqbot.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionGroupsTest {
  @TempDir Path dir;

  private final List<String> embedded = new ArrayList<>();

  /** Questions about money point one way, about FOOM another, about study a third. */
  private final Function<String, float[]> meaning =
      question -> {
        embedded.add(question);
        String q = question.toLowerCase();
        if (q.contains("fund") || q.contains("pays")) {
          return unit(1, q.contains("pays") ? 0.3f : 0.1f, 0);
        }
        if (q.contains("foom")) {
          return unit(0, 1, 0.2f);
        }
        return unit(0.1f, 0, 1);
      };

  private static float[] unit(float x, float y, float z) {
    float n = (float) Math.sqrt(x * x + y * y + z * z);
    return new float[] {x / n, y / n, z / n};
  }

  @Test
  void questionsThatMeanTheSameShareAGroupLedByTheFirst() throws Exception {
    try (QuestionGroups groups = QuestionGroups.open(dir, "m1", meaning, 0.82)) {
      Map<String, Integer> first =
          groups.groupsOf(
              List.of("Who funds AI safety?", "what is foom", "who pays for ai safety"));
      assertThat(first.get("who pays for ai safety")).isEqualTo(first.get("Who funds AI safety?"));
      assertThat(first.get("what is foom")).isNotEqualTo(first.get("Who funds AI safety?"));
      // Told apart by words only: the same question in other case needs no vector.
      embedded.clear();
      Map<String, Integer> again =
          groups.groupsOf(List.of("WHO FUNDS AI SAFETY", "where to study"));
      assertThat(again.get("WHO FUNDS AI SAFETY")).isEqualTo(first.get("Who funds AI safety?"));
      assertThat(embedded).containsExactly("where to study");
      assertThat(groups.size()).isEqualTo(4);
    }
  }

  @Test
  void aRestartKeepsTheGroupsAndEmbedsNothingAgain() throws Exception {
    Map<String, Integer> before;
    try (QuestionGroups groups = QuestionGroups.open(dir, "m1", meaning, 0.82)) {
      before = groups.groupsOf(List.of("what is foom", "Who funds AI safety?", "where to study"));
    }
    embedded.clear();
    try (QuestionGroups groups = QuestionGroups.open(dir, "m1", meaning, 0.82)) {
      assertThat(groups.groupsOf(List.of("what is foom", "Who funds AI safety?", "where to study")))
          .isEqualTo(before);
      assertThat(embedded).isEmpty();
      // A new question still finds the leaders read back.
      assertThat(groups.groupsOf(List.of("who pays for ai safety")).get("who pays for ai safety"))
          .isEqualTo(before.get("Who funds AI safety?"));
    }
  }

  @Test
  void groupsMadeWithAnotherModelAreMadeAgain() throws Exception {
    try (QuestionGroups groups = QuestionGroups.open(dir, "m1", meaning, 0.82)) {
      groups.groupsOf(List.of("what is foom"));
    }
    embedded.clear();
    try (QuestionGroups groups = QuestionGroups.open(dir, "m2", meaning, 0.82)) {
      assertThat(groups.size()).isZero();
      groups.groupsOf(List.of("what is foom"));
      assertThat(embedded).containsExactly("what is foom");
    }
  }

  @Test
  void groupsMadeAtAnotherBarAreMadeAgain() throws Exception {
    try (QuestionGroups groups = QuestionGroups.open(dir, "m1", meaning, 0.82)) {
      groups.groupsOf(List.of("what is foom"));
    }
    try (QuestionGroups groups = QuestionGroups.open(dir, "m1", meaning, 0.88)) {
      assertThat(groups.size()).isZero();
    }
  }

  @Test
  void withoutTheSentenceModelOnlyTheSameWordsAreGrouped() throws Exception {
    try (QuestionGroups groups = QuestionGroups.open(dir, null, q -> null, 0.82)) {
      Map<String, Integer> g =
          groups.groupsOf(List.of("Who funds AI safety?", "who funds ai safety", "who pays"));
      assertThat(g.get("who funds ai safety")).isEqualTo(g.get("Who funds AI safety?"));
      assertThat(g.get("who pays")).isNotEqualTo(g.get("Who funds AI safety?"));
    }
  }
}
