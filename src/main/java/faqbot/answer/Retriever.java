package faqbot.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import faqbot.embed.SentenceEncoder;
import faqbot.index.IndexView;
import java.util.List;

/**
 * Ranks the entries for a message: its spelling corrected toward the corpus's words, its sentence
 * vectors computed (once per distinct message: popular questions repeat), then the {@link Ranker}.
 */
final class Retriever {
  /**
   * About how much memory the messages' vectors kept may take: some five thousand common questions'
   * (FAQ traffic repeats far fewer), fewer long ones, as each is weighed with its message.
   */
  static final long VECTOR_BYTES_KEPT = 16L << 20;

  private final SentenceEncoder encoder;
  private final Ranker ranker;

  /** One computation per message even when the same new question arrives many times at once. */
  private final Cache<String, float[]> vectors = vectorCache();

  /**
   * Misspelt words corrected toward the corpus's own words; keyword-only ranking stays plain BM25.
   */
  private final PerIndex<Spelling> spelling;

  Retriever(SentenceEncoder encoder, Calibration calibration) {
    this.encoder = encoder;
    this.ranker = new Ranker(calibration);
    this.spelling = new PerIndex<>(view -> Spelling.of(view.entries(), encoder::knowsWord));
  }

  static Cache<String, float[]> vectorCache() {
    return Caffeine.newBuilder()
        .maximumWeight(VECTOR_BYTES_KEPT)
        .weigher(Retriever::bytesKept)
        .recordStats()
        .build();
  }

  /** Roughly the bytes a kept vector takes with its message (two bytes a char) and headers. */
  static int bytesKept(String message, float[] vector) {
    return 2 * message.length() + 4 * vector.length + 64;
  }

  /** The entries the scope admits, best first, with their confidences. */
  List<Candidate> rank(IndexView view, String text, Scope scope) {
    MessageCues cues = MessageCues.of(text);
    if (encoder == null) {
      return ranker.rank(view, text, null, scope, cues);
    }
    String corrected = spelling.of(view).correct(text);
    return ranker.rank(view, corrected, vectors.get(corrected, encoder::embedQuery), scope, cues);
  }

  /** A message's sentence vector (computed once while kept), or null without the model. */
  float[] vector(String text) {
    return encoder == null ? null : vectors.get(text, encoder::embedQuery);
  }

  /** The spelling corrector for the view's corpus. */
  Spelling spelling(IndexView view) {
    return spelling.of(view);
  }

  boolean semantic() {
    return encoder != null;
  }

  /** The cache of messages' sentence vectors, for its statistics. */
  Cache<String, float[]> vectors() {
    return vectors;
  }
}
