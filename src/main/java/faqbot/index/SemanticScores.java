package faqbot.index;

import java.util.List;

/**
 * How close a message's meaning is to each entry, by entry position, as each sentence model sees
 * it: the two highest cosines between the message and the entry's vectors (its question, phrasings,
 * question with answer, opening, passages).
 *
 * @param models one {@link ModelScores} per model, in the order of the encoder's slices
 */
public record SemanticScores(List<ModelScores> models) {

  /**
   * One model's cosines.
   *
   * @param best the highest cosine; -1 where the entry has no vector
   * @param second the second highest; -1 where the entry has fewer than two vectors
   */
  public record ModelScores(float[] best, float[] second) {}

  public SemanticScores {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("semantic scores need at least one model's");
    }
    models = List.copyOf(models);
  }

  /** The scores of a single model. */
  public SemanticScores(float[] best, float[] second) {
    this(List.of(new ModelScores(best, second)));
  }

  /** The first model's highest cosines: the ones the confidence is calibrated on. */
  public float[] best() {
    return models.get(0).best();
  }

  /** The first model's second-highest cosines. */
  public float[] second() {
    return models.get(0).second();
  }
}
