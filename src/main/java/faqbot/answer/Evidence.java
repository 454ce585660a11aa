package faqbot.answer;

/**
 * What the confidence that an entry answers a message is computed from: how close their meanings
 * are, and whether the entry speaks of what the message names. Every figure means the same on any
 * corpus.
 *
 * @param cosine the entry's closest cosine with the message (each sentence model's, weighed as in
 *     the ranking)
 * @param cosineLead that cosine minus the closest cosine of any other entry (negative when another
 *     is closer)
 * @param keywordLead how clearly BM25 singles out one entry for the message, (best - second) / best
 * @param coverage the share of the message's words, each weighed by its rarity among the entries,
 *     that the entry uses anywhere
 * @param questionCoverage the same share for the entry's question, phrasings and tags alone
 * @param maxUncovered the weight of the rarest message word the entry does not use, as a share of
 *     the weight of a word no entry uses
 * @param unknownShare the share of the message's word weight in words no entry uses ("prosaic",
 *     "funds")
 * @param uncoveredName 1 when the message names something (a name, an acronym: "Metaculus", "DPO")
 *     the entry never mentions, else 0
 * @param specificAsk 1 when the message asks who, when, how much or which organisation, else 0: FAQ
 *     answers explain ideas, and seldom say such things unless asked for them
 * @param comparisonGap for a message that compares two things, the share of it the entry's question
 *     leaves out; 0 for other messages
 */
public record Evidence(
    double cosine,
    double cosineLead,
    double keywordLead,
    double coverage,
    double questionCoverage,
    double maxUncovered,
    double unknownShare,
    double uncoveredName,
    double specificAsk,
    double comparisonGap) {

  /** The figures in the order of {@link Calibration.Weights}. */
  double[] values() {
    return new double[] {
      cosine,
      cosineLead,
      keywordLead,
      coverage,
      questionCoverage,
      maxUncovered,
      unknownShare,
      uncoveredName,
      specificAsk,
      comparisonGap
    };
  }
}
