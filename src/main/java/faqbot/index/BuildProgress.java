package faqbot.index;

/**
 * Told how far a build has got in computing sentence vectors, so a long cold build can show that it
 * is moving. Called from the build's worker threads, never two calls at once.
 */
@FunctionalInterface
public interface BuildProgress {
  /** Says nothing. */
  BuildProgress NONE = (done, total) -> {};

  /**
   * {@code done} of the {@code total} texts the build must embed are embedded: called once with 0
   * before the first, after each text, and last with {@code done == total}. Not called when every
   * vector comes from the old index.
   */
  void embedded(int done, int total);
}
