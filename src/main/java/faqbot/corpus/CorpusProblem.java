package faqbot.corpus;

/**
 * Something wrong with a corpus file, located so an editor can find it.
 *
 * @param file the file, as given to the loader
 * @param line the 1-based line, or 0 when the problem is with the file as a whole
 * @param severity an error leaves the entry out; a warning keeps it
 * @param message what is wrong, in words an editor understands
 */
public record CorpusProblem(String file, int line, Severity severity, String message) {

  /** How bad a problem is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public static CorpusProblem error(String file, int line, String message) {
    return new CorpusProblem(file, line, Severity.ERROR, message);
  }

  public static CorpusProblem warning(String file, int line, String message) {
    return new CorpusProblem(file, line, Severity.WARNING, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * Renders as {@code file:line: error: message}, the form compilers use, so editors can jump to
   * it.
   */
  @Override
  public String toString() {
    String where = line > 0 ? file + ":" + line : file;
    return where + ": " + severity.name().toLowerCase() + ": " + message;
  }
}
