package faqbot.embed;

/**
 * Turns a text into a unit-length vector whose dot product with another measures how alike their
 * meanings are.
 */
public interface SentenceEncoder extends AutoCloseable {

  /** Names the model, so vectors made by another model are never mixed with this one's. */
  String modelId();

  int dimension();

  /**
   * The unit-length vector of a text to be searched (an entry's question, answer or passage).
   * Thread-safe.
   */
  float[] embed(String text);

  /**
   * The unit-length vector of a question asked, for comparing with the vectors of {@link #embed}.
   * Thread-safe.
   */
  default float[] embedQuery(String text) {
    return embed(text);
  }

  /**
   * How many models' vectors are joined in each vector: equal slices, each of length 1/sqrt(parts),
   * so that the dot product of one slice, times {@code parts}, is that model's cosine.
   */
  default int parts() {
    return 1;
  }

  /**
   * Whether the model reads {@code word} (lower case letters) as one whole word of its vocabulary.
   * A word it does not know may be a misspelling worth correcting before asking; an encoder that
   * cannot tell says true, so that nothing is corrected.
   */
  default boolean knowsWord(String word) {
    return true;
  }

  @Override
  default void close() {}
}
