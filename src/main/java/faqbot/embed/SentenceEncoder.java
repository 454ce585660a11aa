package faqbot.embed;

/** Turns a text into a unit-length vector whose dot product with another measures how alike their meanings are. */
public interface SentenceEncoder extends AutoCloseable {

  /** Names the model, so vectors made by another model are never mixed with this one's. */
  String modelId();

  int dimension();

  /** The unit-length vector of a text. Safe to call from many threads at once. */
  float[] embed(String text);

  /**
   * Whether the model reads {@code word} (lower case letters) as one whole word of its vocabulary. A word it does
   * not know may be a misspelling worth correcting before asking; an encoder that cannot tell says true, so that
   * nothing is corrected.
   */
  default boolean knowsWord(String word) {
    return true;
  }

  @Override
  default void close() {}
}
