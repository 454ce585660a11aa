package faqbot.index;

/**
 * How close a message's meaning is to each entry, by entry position.
 *
 * @param best    the highest cosine between the message and any of the entry's vectors; -1 where it has none
 * @param support the highest cosine blended with the second highest (0.3 of the weight), for ranking: an entry
 *                that two of its texts (question, phrasings, opening, passages) bring close is more likely about
 *                the message than one that a single sentence brings close. Equal to {@code best} where an entry
 *                has one vector.
 */
public record SemanticScores(float[] best, float[] support) {}
