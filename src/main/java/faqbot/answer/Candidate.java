package faqbot.answer;

import faqbot.corpus.FaqEntry;

/**
 * An entry ranked for a message, with the evidence behind its place.
 *
 * @param entry the entry
 * @param score the fused ranking score (only comparable within one message)
 * @param semantic the best cosine between the message and the entry's phrasings, or -1 without
 *     vectors
 * @param keyword the BM25 score, 0 when no word matched
 * @param confidence the calibrated probability that this entry answers the message
 * @param evidence what the confidence was computed from; null without sentence vectors
 */
public record Candidate(
    FaqEntry entry,
    double score,
    double semantic,
    double keyword,
    double confidence,
    Evidence evidence) {

  /** The same candidate with another confidence. */
  Candidate withConfidence(double newConfidence) {
    return new Candidate(entry, score, semantic, keyword, newConfidence, evidence);
  }
}
