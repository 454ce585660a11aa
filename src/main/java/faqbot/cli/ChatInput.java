package faqbot.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The two ways {@code faqbot chat} reads lines: from a terminal with JLine's line editing, or
 * plainly from a pipe.
 */
final class ChatInput {
  static final String PROMPT = "faqbot> ";
  static final String HISTORY_FILE_NAME = ".faqbot_history";

  /**
   * The widest an answer is laid out, however wide the terminal (as for COLUMNS in {@link
   * Terminal#width()}).
   */
  private static final int MAX_WIDTH = 120;

  /**
   * JLine reports trouble (a history file it cannot write, say) through this logger; kept so the
   * level sticks.
   */
  private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

  private ChatInput() {}

  /**
   * The lines of standard input: JLine's line editing when both standard input and output are a
   * terminal, else plain lines (piped input). At a terminal JLine cannot drive (TERM=dumb, say),
   * plain lines with a prompt.
   */
  static ChatSession.Lines standardInput(PrintWriter out) {
    if (System.console() != null) {
      Optional<ChatSession.Lines> terminal = terminal();
      return terminal.isPresent() ? terminal.get() : plain(System.in, out);
    }
    return plain(System.in, null);
  }

  /**
   * Lines read one by one from a stream (UTF-8), without line editing; with a prompt written to
   * {@code prompt} before each when a person types them, or none (null) for piped input.
   */
  static ChatSession.Lines plain(InputStream in, PrintWriter prompt) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    return new ChatSession.Lines() {
      @Override
      public String read() throws IOException {
        if (prompt != null) {
          prompt.print(PROMPT);
          prompt.flush();
        }
        return reader.readLine();
      }

      @Override
      public boolean interactive() {
        return prompt != null;
      }

      @Override
      public void close() {
        // Standard input stays open; closing it is not ours to do.
      }
    };
  }

  /**
   * JLine on the system terminal, or empty when no terminal can be had (then plain input is used).
   */
  private static Optional<ChatSession.Lines> terminal() {
    JLINE_LOG.setLevel(Level.SEVERE);
    Terminal terminal;
    try {
      terminal = TerminalBuilder.builder().system(true).dumb(false).build();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    String type = terminal.getType();
    if (type == null || type.startsWith(Terminal.TYPE_DUMB)) {
      closeQuietly(terminal);
      return Optional.empty();
    }
    // Questions are prose: quotes, apostrophes, backslashes and '!' are text, never syntax or
    // history expansion.
    DefaultParser parser =
        new DefaultParser()
            .quoteChars(new char[0])
            .escapeChars(new char[0])
            .eofOnUnclosedQuote(false)
            .eofOnEscapedNewLine(false);
    LineReaderBuilder builder =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("faqbot")
            .parser(parser)
            .history(new DefaultHistory())
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
            .option(LineReader.Option.HISTORY_IGNORE_SPACE, true);
    historyFile().ifPresent(file -> builder.variable(LineReader.HISTORY_FILE, file));
    LineReader reader = builder.build();
    return Optional.of(
        new ChatSession.Lines() {
          @Override
          public String read() {
            while (true) {
              try {
                return reader.readLine(PROMPT);
              } catch (UserInterruptException e) {
                // Ctrl-C clears the line being typed, as in a shell; on an empty line, say how to
                // leave.
                if (e.getPartialLine() == null || e.getPartialLine().isBlank()) {
                  terminal.writer().println("(type /quit or press Ctrl-D to leave)");
                  terminal.writer().flush();
                }
              } catch (EndOfFileException e) {
                return null;
              }
            }
          }

          @Override
          public boolean interactive() {
            return true;
          }

          @Override
          public TextLayout layout() {
            // Wrap to the terminal's width as it is now (it may have been resized), unless COLUMNS
            // says otherwise;
            // underline as Console.layout() does at a terminal.
            int width = terminal.getWidth();
            if (System.getenv("COLUMNS") != null || width <= 0) {
              return Console.layout();
            }
            boolean ansi =
                System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
            return new TextLayout(Math.min(MAX_WIDTH, width), ansi);
          }

          @Override
          public void close() throws IOException {
            try {
              reader.getHistory().save();
            } catch (IOException | RuntimeException e) {
              // The history is a convenience: a home that cannot be written to must not spoil the
              // session.
            }
            terminal.close();
          }
        });
  }

  /**
   * Where the history is kept: {@code ~/.faqbot_history}, when it can be read and written there;
   * else empty, and the history lasts only as long as the session.
   */
  static Optional<Path> historyFile() {
    String home = System.getProperty("user.home");
    if (home == null || home.isBlank()) {
      return Optional.empty();
    }
    try {
      Path folder = Path.of(home);
      Path file = folder.resolve(HISTORY_FILE_NAME);
      if (!Files.isDirectory(folder)) {
        return Optional.empty();
      }
      if (Files.exists(file)) {
        return Files.isRegularFile(file) && Files.isReadable(file) && Files.isWritable(file)
            ? Optional.of(file)
            : Optional.empty();
      }
      return Files.isWritable(folder) ? Optional.of(file) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void closeQuietly(Terminal terminal) {
    try {
      terminal.close();
    } catch (IOException e) {
      // nothing more to do
    }
  }
}
