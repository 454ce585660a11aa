package faqbot.corpus;

/**
 * A corpus that cannot be read at all (as opposed to a bad file in it, which is a {@link
 * CorpusProblem}).
 */
public class CorpusException extends RuntimeException {
  public CorpusException(String message) {
    super(message);
  }
}
