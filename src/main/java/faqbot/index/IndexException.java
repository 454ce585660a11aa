package faqbot.index;

/** The index cannot be built, opened or read. */
public class IndexException extends RuntimeException {
  public IndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
