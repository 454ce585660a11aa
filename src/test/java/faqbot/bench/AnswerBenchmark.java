package faqbot.bench;

import faqbot.answer.Answer;
import faqbot.answer.Answerer;
import faqbot.answer.Candidate;
import faqbot.app.Bot;
import faqbot.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process answer path over the bundled corpus: a repeated question (its sentence vector
 * comes from the cache), distinct questions (every one embedded), and the embedding alone. Run with
 * src/test/bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class AnswerBenchmark {
  private static final String[] QUESTIONS = {
    "how can an AI game its reward",
    "could a model pretend to be aligned during training",
    "why would an AI resist being switched off",
    "what is a mesa optimizer"
  };

  private Bot bot;
  private Path index;
  private final AtomicLong counter = new AtomicLong();

  @Setup(Level.Trial)
  public void open() throws Exception {
    index = Files.createTempDirectory("faqbot-bench-");
    bot = Bot.open(Fixtures.corpus(), index, true, r -> {});
  }

  @TearDown(Level.Trial)
  public void close() {
    bot.close();
    Fixtures.deleteTree(index);
  }

  /** The same question again and again: the whole answer comes from the answer cache. */
  @Benchmark
  public Answer repeatedQuestion() {
    return bot.answerer().answer(QUESTIONS[0]);
  }

  /**
   * Ranking alone: the same question searched again and again, so its sentence vector comes from
   * the cache and what is measured is spelling, BM25, scoring every vector, fusing and calibrating.
   */
  @Benchmark
  public List<Candidate> rankingWithCachedVector() {
    return bot.answerer().search(QUESTIONS[0], Answerer.SUGGESTIONS);
  }

  /** A question never seen before each time: embedding, ranking and deciding. */
  @Benchmark
  public Answer distinctQuestion() {
    long n = counter.incrementAndGet();
    return bot.answerer().answer(QUESTIONS[(int) (n % QUESTIONS.length)] + " (" + n + ")");
  }
}
