package faqbot.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs the command line in this JVM, as {@link Main#run} does, optionally with lines piped to
 * {@code chat}.
 */
final class CliRuns {
  private CliRuns() {}

  /** What one run did. */
  record Run(int exit, String out, String err) {
    String all() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      exit = Main.run(args, o, e);
    }
    return new Run(exit, out.toString(), err.toString());
  }

  /** Runs a command line whose {@code chat} reads these lines as if piped to its standard input. */
  static Run chat(List<String> lines, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      CommandLine cli = Main.commandLine(o, e);
      ChatCommand chat = (ChatCommand) cli.getSubcommands().get("chat").getCommand();
      chat.input =
          new ByteArrayInputStream(
              (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
      exit = cli.execute(args);
    }
    return new Run(exit, out.toString(), err.toString());
  }

  /**
   * The text of an answer's heading as {@link AnswerPrinter} prints it: the question, underlined
   * with '='.
   */
  static String heading(String question) {
    return question
        + System.lineSeparator()
        + "=".repeat(Math.min(question.length(), 78))
        + System.lineSeparator();
  }
}
