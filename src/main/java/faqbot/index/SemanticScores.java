package faqbot.index;

/**
 * How close a message's meaning is to each entry, by entry position: the two highest cosines between the message
 * and the entry's vectors (its question, phrasings, question with answer, opening, passages).
 *
 * @param best   the highest cosine; -1 where the entry has no vector
 * @param second the second highest; -1 where the entry has fewer than two vectors
 */
public record SemanticScores(float[] best, float[] second) {}
