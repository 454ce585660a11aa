package faqbot.bench;

import faqbot.embed.SentenceEncoder;
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
 * One question's sentence embedding: by each model alone on one core (their sum is the work that
 * bounds throughput on distinct questions), and by the bundled pair as a question is embedded, both
 * models side by side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class EmbeddingBenchmark {
  @Param({"bge", "e5", "pair"})
  public String model;

  private SentenceEncoder encoder;
  private final AtomicLong counter = new AtomicLong();

  @Setup(Level.Trial)
  public void load() {
    encoder = BenchEncoders.load(model);
  }

  @TearDown(Level.Trial)
  public void close() {
    encoder.close();
  }

  @Benchmark
  public float[] embedQuestion() {
    return encoder.embedQuery(
        "could a model pretend to be aligned during training " + counter.incrementAndGet());
  }
}
