package faqbot.text;

import java.nio.file.FileSystemException;

/**
 * The root cause of an error, and a one-line message for it that names what went wrong rather than
 * its class.
 */
public final class Causes {
  private Causes() {}

  /** The innermost cause of an error (the error itself when it has none). */
  public static Throwable root(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  /**
   * The root cause's message on one line; for a file system error, the file and the reason; the
   * name of its class when it has no message.
   */
  public static String rootMessage(Throwable e) {
    Throwable root = root(e);
    if (root instanceof FileSystemException f) {
      return f.getFile()
          + ": "
          + (f.getReason() != null ? f.getReason() : "no such file or folder, or no access");
    }
    String message = root.getMessage();
    return message == null || message.isBlank()
        ? root.getClass().getSimpleName()
        : message.replaceAll("\\s+", " ").strip();
  }
}
