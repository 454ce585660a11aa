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
   * How many messages' vectors are kept: a few MB, and FAQ traffic repeats far fewer distinct
   * questions.
   */
  static final int VECTORS_KEPT = 4096;

  private final SentenceEncoder encoder;
  private final Ranker ranker;

  /** One computation per message even when the same new question arrives many times at once. */
  private final Cache<String, float[]> vectors =
      Caffeine.newBuilder().maximumSize(VECTORS_KEPT).recordStats().build();

  /**
   * Misspelt words corrected toward the corpus's own words; keyword-only ranking stays plain BM25.
   */
  private final PerIndex<Spelling> spelling;

  Retriever(SentenceEncoder encoder, Calibration calibration) {
    this.encoder = encoder;
    this.ranker = new Ranker(calibration);
    this.spelling = new PerIndex<>(view -> Spelling.of(view.entries(), encoder::knowsWord));
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
