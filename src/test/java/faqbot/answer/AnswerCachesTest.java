package faqbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The answer and vector caches stay within their memory budgets however long the messages are. */
class AnswerCachesTest {
  private static final int DIMENSION = 768;

  /** A message of the longest length, in characters that take three bytes in UTF-8. */
  private static String longest(int n) {
    return n + "\u5b89".repeat(Answerer.MAX_MESSAGE_CHARS - String.valueOf(n).length());
  }

  private static String common(int n) {
    return "what is inner alignment, asked for the " + n + "th time";
  }

  private static Answer declined(String token) {
    return new Answer(Outcome.DECLINE, 0.01, "Sorry", null, List.of(), List.of(), List.of(), token);
  }

  /** Fills a cache with n entries and gives the bytes its kept entries are reckoned to hold. */
  private static <V> long filled(
      Cache<String, V> cache,
      int n,
      IntFunction<String> key,
      IntFunction<V> value,
      BiFunction<String, V, Integer> bytes) {
    for (int i = 0; i < n; i++) {
      cache.put(key.apply(i), value.apply(i));
    }
    cache.cleanUp();
    return cache.asMap().entrySet().stream()
        .mapToLong(e -> bytes.apply(e.getKey(), e.getValue()))
        .sum();
  }

  @Test
  void longMessagesAndTheirTokensCannotFillTheHeap() {
    // A token as long as the longest message's can be, so each kept answer holds some 90 KB.
    String token = "c1." + "x".repeat(ContextTokens.MAX_LENGTH - 3);
    Cache<String, Answer> answers = Answerer.answerCache();
    long kept =
        filled(
            answers, 5_000, AnswerCachesTest::longest, i -> declined(token), Answerer::bytesKept);
    assertThat(kept).isLessThanOrEqualTo(Answerer.ANSWER_BYTES_KEPT);
    assertThat(answers.estimatedSize()).isPositive();
  }

  @Test
  void commonQuestionsAreKeptByTheThousand() {
    Cache<String, Answer> answers = Answerer.answerCache();
    filled(
        answers,
        4_096,
        AnswerCachesTest::common,
        i -> declined("c1." + "t".repeat(400)),
        Answerer::bytesKept);
    assertThat(answers.estimatedSize()).isEqualTo(4_096);
  }

  @Test
  void vectorsOfLongMessagesStayWithinTheirBudget() {
    Cache<String, float[]> vectors = Retriever.vectorCache();
    long kept =
        filled(
            vectors,
            5_000,
            AnswerCachesTest::longest,
            i -> new float[DIMENSION],
            Retriever::bytesKept);
    assertThat(kept).isLessThanOrEqualTo(Retriever.VECTOR_BYTES_KEPT);

    Cache<String, float[]> common = Retriever.vectorCache();
    filled(
        common, 4_096, AnswerCachesTest::common, i -> new float[DIMENSION], Retriever::bytesKept);
    assertThat(common.estimatedSize()).isEqualTo(4_096);
  }
}
