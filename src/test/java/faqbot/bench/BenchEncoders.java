package faqbot.bench;

import faqbot.embed.EnsembleEncoder;
import faqbot.embed.OnnxSentenceEncoder;
import faqbot.embed.SentenceEncoder;
import faqbot.embed.SentenceModel;

/** Loads a bundled sentence model, or the pair as questions are embedded, by a benchmark's name. */
final class BenchEncoders {
  private BenchEncoders() {}

  static SentenceEncoder load(String name) {
    return switch (name) {
      case "bge" -> OnnxSentenceEncoder.load(SentenceModel.BGE_SMALL);
      case "e5" -> OnnxSentenceEncoder.load(SentenceModel.E5_SMALL);
      case "pair" -> EnsembleEncoder.standard();
      default -> throw new IllegalArgumentException("model must be bge, e5 or pair, got " + name);
    };
  }
}
