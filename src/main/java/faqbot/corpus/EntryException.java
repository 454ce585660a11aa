package faqbot.corpus;

/**
 * One entry or file that cannot be read; a reader reports it as a {@link CorpusProblem} and goes on
 * with the others, so it never leaves the corpus package.
 */
final class EntryException extends RuntimeException {
  private final int line;

  EntryException(int line, String message) {
    super(message);
    this.line = line;
  }

  /** The line it is about (1-based), or 0 for the whole file. */
  int line() {
    return line;
  }
}
