package faqbot.index;

import java.util.List;

/** The names of the index's fields, and what the index's commit records about how it was built. */
final class Fields {
  /** Whether a document is an entry or one of an entry's vectors. */
  static final String KIND = "kind";

  static final String KIND_ENTRY = "entry";
  static final String KIND_VECTOR = "vector";

  static final String ID = "id";
  static final String QUESTION = "question";
  static final String ALTERNATES = "alternates";
  static final String TAGS = "tags";
  static final String BODY = "body";
  static final String EDITORS = "editors";

  /** Every field of an entry's text that keyword search reads. */
  static final List<String> TEXT_FIELDS = List.of(QUESTION, ALTERNATES, TAGS, BODY, EDITORS);

  /** The whole entry as JSON, so the index alone is enough to answer. */
  static final String ENTRY_JSON = "entry_json";

  /** The entry's position in the corpus, to keep answers' order stable. */
  static final String ORDINAL = "ordinal";

  /** A sentence vector, stored as bytes (never as a vector field: nothing searches its graph). */
  static final String VECTOR = "vec";

  static final String VECTOR_OWNER = "owner";
  static final String VECTOR_ROLE = "role";

  /** The roles of a vector: what text of its entry it is the vector of. */
  static final String ROLE_QUESTION = "question";

  static final String ROLE_ALTERNATE = "alternate";
  static final String ROLE_FULL = "full";
  static final String ROLE_LEAD = "lead";
  static final String ROLE_PASSAGE = "passage";

  /** A hash of the model and the embedded text: the key of the embedding cache. */
  static final String VECTOR_KEY = "vec_key";

  static final String COMMIT_FINGERPRINT = "corpus.fingerprint";
  static final String COMMIT_MODEL = "model";
  static final String COMMIT_SCHEMA = "schema";
  static final String COMMIT_BUILT_AT = "built.at";

  /**
   * Set to {@value #PASSAGES_PENDING} on a first index whose passages are still to be embedded
   * ({@link Staging}); absent on a complete one, as on every index made before there were stages.
   */
  static final String COMMIT_PASSAGES = "passages";

  static final String PASSAGES_PENDING = "pending";

  /**
   * Bumped whenever the documents' layout changes, so an old index is rebuilt rather than misread.
   * 4: vectors stored as bytes instead of in a vector field.
   */
  static final String SCHEMA_VERSION = "4";

  private Fields() {}
}
