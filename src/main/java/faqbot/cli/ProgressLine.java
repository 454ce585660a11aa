package faqbot.cli;

import faqbot.index.BuildProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Shows a build's embedding progress on standard error ("faqbot: embedding 340/1200 texts"): on a
 * terminal one line rewritten in place a few times a second, else (a log file, a pipe) a plain line
 * every {@value #PLAIN_EVERY_SECONDS} seconds, so a cold build of a large corpus is seen to move
 * without filling a log.
 */
final class ProgressLine implements BuildProgress {
  static final int PLAIN_EVERY_SECONDS = 10;
  private static final long TERMINAL_EVERY_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private final LongSupplier clock;
  private long started;
  private long shown;

  ProgressLine(PrintWriter err, boolean terminal, LongSupplier clock) {
    this.err = err;
    this.terminal = terminal;
    this.clock = clock;
  }

  /** Progress on standard error, rewritten in place when it is a terminal. */
  static ProgressLine onStandardError(PrintWriter err) {
    return new ProgressLine(err, standardErrorIsTerminal(), System::nanoTime);
  }

  @Override
  public void embedded(int done, int total) {
    long now = clock.getAsLong();
    if (done == 0) {
      started = now;
    } else if (done < total
        && now - shown < (terminal ? TERMINAL_EVERY_NANOS : PLAIN_EVERY_SECONDS * 1_000_000_000L)) {
      return;
    }
    shown = now;
    double seconds = (now - started) / 1e9;
    String line =
        String.format(
            Locale.ROOT,
            "faqbot: embedding %d/%d texts (%d%%, %.0f s)",
            done,
            total,
            (int) (100L * done / total),
            seconds);
    show(line, terminal && done < total);
  }

  /** Prints a line; on a terminal, a line still in progress is overwritten by the next. */
  private void show(String line, boolean inPlace) {
    if (terminal) {
      // Carriage return, the line, and erase what a longer earlier line left to its right.
      err.print("\r" + line + "\u001b[K" + (inPlace ? "" : "\n"));
    } else {
      err.println(line);
    }
    err.flush();
  }

  /**
   * Whether standard error is a terminal, as JLine (already used for the chat prompt) tells it; no
   * when it cannot tell, or when the terminal cannot move the cursor (TERM=dumb).
   */
  static boolean standardErrorIsTerminal() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    for (String name : new String[] {"ffm", "exec", "jni"}) {
      try {
        return TerminalProvider.load(name).isSystemStream(SystemStream.Error);
      } catch (Exception | LinkageError e) {
        // That provider is not available here (ffm needs Java 22; exec, a POSIX shell): try the
        // next. Exec comes before jni, which would unpack a native library to ask.
      }
    }
    return false;
  }
}
