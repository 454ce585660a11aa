package faqbot.embed;

/**
 * Describes one quantized sentence model shipped in a Maven Central jar: where its files are, how a
 * sentence's vector is read from its output, and what it expects before a question or a passage.
 *
 * @param id names the model, so vectors of different models are never mixed
 * @param modelResource the ONNX file on the class path
 * @param tokenizerResource the tokenizer's JSON on the class path
 * @param meanPooling true when the sentence vector is the mean of the token vectors, false for the
 *     first token's
 * @param queryPrefix put before a question (e5 is trained with "query: ")
 * @param passagePrefix put before an indexed text (e5: "passage: ")
 */
public record SentenceModel(
    String id,
    String modelResource,
    String tokenizerResource,
    boolean meanPooling,
    String queryPrefix,
    String passagePrefix) {

  /**
   * bge-small-en-v1.5, quantized: the meaning sits in the first token; no prefixes (the query
   * instruction hurt).
   */
  public static final SentenceModel BGE_SMALL =
      new SentenceModel(
          "bge-small-en-v1.5-q",
          "/bge-small-en-v1.5-q.onnx",
          "/bge-small-en-v1.5-q-tokenizer.json",
          false,
          "",
          "");

  /** e5-small-v2, quantized: mean of the token vectors, with the prefixes it was trained with. */
  public static final SentenceModel E5_SMALL =
      new SentenceModel(
          "e5-small-v2-q",
          "/e5-small-v2-q.onnx",
          "/e5-small-v2-q-tokenizer.json",
          true,
          "query: ",
          "passage: ");
}
