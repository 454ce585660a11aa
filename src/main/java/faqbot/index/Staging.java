package faqbot.index;

/**
 * Says whether a cold build may open a first index before the passages of long answers are
 * embedded.
 *
 * <p>Passages are half or more of what a build embeds for a corpus of long answers, and the models'
 * time grows with what they read: on two cores a cold serve of the 190 AISafety.info answers
 * answers from its first index at 15 s and has the whole one at 26 s (docs/performance.md, "Cold
 * index"). Its answers come from each entry's question, phrasings, opening and question-and-answer
 * vector, and from keywords over the whole text; a rebuild then adds the passages, reusing every
 * vector the first index holds.
 */
public enum Staging {
  /** Build the whole index before it is opened: for {@code faqbot index}, ask, chat and eval. */
  WHOLE,

  /**
   * When many passages are still to embed, build a first index without their vectors; it says it is
   * not complete ({@link FaqIndex#isComplete}), and a rebuild completes it.
   */
  EARLY,

  /**
   * Build a first index whatever the corpus's size, leaving out every passage whose vector is not
   * at hand: what {@code faqbot eval --first-index} measures, so that the answers a large corpus
   * gives before it is complete can be pinned on a corpus of any size.
   */
  FIRST;

  /** Whether an index that is not complete may be opened as it is. */
  boolean opensFirstIndex() {
    return this != WHOLE;
  }
}
