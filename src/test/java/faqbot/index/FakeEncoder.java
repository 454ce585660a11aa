package faqbot.index;

import faqbot.embed.SentenceEncoder;
import faqbot.embed.Vectors;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sentence model stand-in for index tests: each word adds to one of a few dimensions, so texts
 * sharing words are close, and every text embedded is counted.
 */
final class FakeEncoder implements SentenceEncoder {
  static final int DIMENSION = 16;

  private final String model;
  private final AtomicInteger embedded = new AtomicInteger();

  FakeEncoder(String model) {
    this.model = model;
  }

  FakeEncoder() {
    this("fake-words-v1");
  }

  /** How many texts this encoder has embedded. */
  int embedded() {
    return embedded.get();
  }

  @Override
  public String modelId() {
    return model;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public float[] embed(String text) {
    embedded.incrementAndGet();
    float[] vector = new float[DIMENSION];
    for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
      if (!word.isEmpty()) {
        vector[Math.floorMod(word.hashCode(), DIMENSION)] += 1f;
      }
    }
    return Vectors.normalize(vector);
  }
}
