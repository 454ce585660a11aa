package faqbot.bench;

import faqbot.corpus.CorpusLoader;
import faqbot.corpus.FaqEntry;
import faqbot.embed.SentenceEncoder;
import faqbot.testing.Fixtures;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Prices a reading model per answer: one pass of a bundled model over the question joined to each
 * of three entries.
 *
 * <p>A cross-encoder or an extractive reader reads the question and an entry together, once per
 * entry it weighs, and cannot be computed ahead like an entry's vector. One of the same size (12
 * layers, 384 wide, as bge-small and e5-small are) does the same arithmetic over the same tokens as
 * this pass, bar a one-layer head; a 6-layer one about half. So this is what such a model would add
 * to an answer whose three first entries it reads, whole or only as much as one of the index's
 * passages holds (160 words), next to {@code AnswerBenchmark.distinctQuestion} for the whole answer
 * today.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ReadingCostBenchmark {
  private static final String QUESTION = "could a model pretend to be aligned during training";

  /** The words of an index passage at most (faqbot.index.Passages.MAX_WORDS). */
  private static final int PASSAGE_WORDS = 160;

  @Param({"bge", "e5"})
  public String model;

  /** What is read of each entry: its question and whole answer, or one passage's worth. */
  @Param({"entry", "passage"})
  public String read;

  private SentenceEncoder encoder;
  private List<String> entries;
  private final AtomicLong counter = new AtomicLong();

  @Setup(Level.Trial)
  public void load() {
    encoder = BenchEncoders.load(model);
    // Every bundled entry in turn, so the lengths read are the corpus's own mix.
    entries =
        CorpusLoader.load(Fixtures.corpus()).entries().stream()
            .map(ReadingCostBenchmark::questionAndAnswer)
            .map(text -> read.equals("passage") ? firstWords(text, PASSAGE_WORDS) : text)
            .toList();
  }

  @TearDown(Level.Trial)
  public void close() {
    encoder.close();
  }

  @Benchmark
  public float readThreeEntries() {
    long n = counter.getAndIncrement();
    float sum = 0;
    for (int i = 0; i < 3; i++) {
      String entry = entries.get((int) ((n * 3 + i) % entries.size()));
      sum += encoder.embed(QUESTION + " " + n + "\n" + entry)[0];
    }
    return sum;
  }

  private static String questionAndAnswer(FaqEntry entry) {
    return entry.question() + "\n" + entry.plainText();
  }

  private static String firstWords(String text, int words) {
    String[] all = text.split("\\s+");
    return String.join(" ", List.of(all).subList(0, Math.min(words, all.length)));
  }
}
