package faqbot.bench;

import faqbot.answer.Spelling;
import faqbot.corpus.Corpora;
import faqbot.embed.OnnxSentenceEncoder;
import faqbot.embed.SentenceModel;
import faqbot.testing.Fixtures;
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
 * Correcting a message's spelling against the bundled corpus's words, before it is embedded and
 * ranked.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SpellingBenchmark {
  private static final String[] MISSPELT = {
    "how can an AI game its reward sigal",
    "could a modle pretend to be alligned during training",
    "why would an AI resist being swiched off",
    "what is a mesa optimzer"
  };
  private static final String[] SPELT = {
    "how can an AI game its reward signal",
    "could a model pretend to be aligned during training",
    "why would an AI resist being switched off",
    "what is a mesa optimizer"
  };

  private OnnxSentenceEncoder encoder;
  private Spelling spelling;
  private final AtomicLong counter = new AtomicLong();

  @Setup(Level.Trial)
  public void build() {
    // The model's tokenizer says which words it knows.
    encoder = OnnxSentenceEncoder.load(SentenceModel.BGE_SMALL);
    spelling = Spelling.of(Corpora.load(Fixtures.corpus()).entries(), encoder::knowsWord);
  }

  @TearDown(Level.Trial)
  public void close() {
    encoder.close();
  }

  /** A message with one misspelt word, as people type them. */
  @Benchmark
  public String misspeltMessage() {
    return spelling.correct(MISSPELT[(int) (counter.incrementAndGet() % MISSPELT.length)]);
  }

  /** A message spelt right: every word is looked up and left alone. */
  @Benchmark
  public String speltMessage() {
    return spelling.correct(SPELT[(int) (counter.incrementAndGet() % SPELT.length)]);
  }
}
