package faqbot.app;

/** A phrasing that {@link Bot#addPhrasing} would not add, and why; nothing was written. */
public final class PhrasingRefusedException extends RuntimeException {
  /** Why a phrasing was refused. */
  public enum Reason {
    /** Empty, too long, or not one line of text. */
    INVALID,
    /** The entry it was meant for is not in the corpus. */
    UNKNOWN_ENTRY,
    /** It is already the question or a phrasing of another entry. */
    TAKEN
  }

  private final Reason reason;

  public PhrasingRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
