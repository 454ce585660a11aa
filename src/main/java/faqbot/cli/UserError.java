package faqbot.cli;

/** A failure caused by what the user asked for, reported as one line without a stack trace. */
final class UserError extends RuntimeException {
  UserError(String message) {
    super(message);
  }
}
