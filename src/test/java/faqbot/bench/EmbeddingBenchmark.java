package faqbot.bench;

import faqbot.embed.OnnxSentenceEncoder;
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

/** One question's sentence embedding on one core: the unit of work that bounds throughput on distinct questions. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class EmbeddingBenchmark {
  private OnnxSentenceEncoder encoder;
  private final AtomicLong counter = new AtomicLong();

  @Setup(Level.Trial)
  public void load() {
    encoder = OnnxSentenceEncoder.load();
  }

  @TearDown(Level.Trial)
  public void close() {
    encoder.close();
  }

  @Benchmark
  public float[] embedQuestion() {
    return encoder.embed("could a model pretend to be aligned during training " + counter.incrementAndGet());
  }
}
