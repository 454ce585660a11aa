package faqbot.answer;

/** A message the bot will not try to answer (empty, too long); the text says what is wrong. */
public class InvalidMessageException extends IllegalArgumentException {
  public InvalidMessageException(String message) {
    super(message);
  }
}
