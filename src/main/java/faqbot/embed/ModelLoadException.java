package faqbot.embed;

/**
 * Reports a sentence model that cannot be loaded, with the reason in one line: a missing or damaged
 * model file, or a native library that cannot be unpacked or loaded on this machine. A matter of
 * the installation, not a bug.
 */
public final class ModelLoadException extends IllegalStateException {
  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
