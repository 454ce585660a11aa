package faqbot.eval;

import java.nio.file.Path;

/** A malformed evaluation file, located by file and line. */
public class EvalFileException extends RuntimeException {
  public EvalFileException(Path file, int line, String message) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message);
  }
}
