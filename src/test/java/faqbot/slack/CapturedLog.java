package faqbot.slack;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What faqbot logs while this is open: slf4j-simple writes to whatever {@link System#err} is at the
 * time, so this swaps in a buffer (still echoing to the real one) and puts it back on close.
 */
final class CapturedLog implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  CapturedLog() {
    PrintStream tee =
        new PrintStream(
            new OutputStream() {
              @Override
              public void write(int b) {
                synchronized (buffer) {
                  buffer.write(b);
                }
                original.write(b);
              }

              @Override
              public void write(byte[] b, int off, int len) {
                synchronized (buffer) {
                  buffer.write(b, off, len);
                }
                original.write(b, off, len);
              }
            },
            true,
            StandardCharsets.UTF_8);
    System.setErr(tee);
  }

  /**
   * The lines logged so far by the logger of {@code type} (named by its simple name, as the log
   * shows it).
   */
  List<String> lines(Class<?> type) {
    String text;
    synchronized (buffer) {
      text = buffer.toString(StandardCharsets.UTF_8);
    }
    String marker = " " + type.getSimpleName() + " - ";
    return text.lines().filter(line -> line.contains(marker)).toList();
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
