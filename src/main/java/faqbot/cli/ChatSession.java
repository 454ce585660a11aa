package faqbot.cli;

import faqbot.answer.Answer;
import faqbot.answer.InvalidMessageException;
import faqbot.corpus.Source;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The conversation of {@code faqbot chat}, apart from where its lines come from: answers each line,
 * carries the {@code context} token of one answer into the next message (so "2" asks the second
 * question just listed, as in the HTTP API), and understands a few commands. A bad message or a
 * failed call is one line on stderr; the session goes on.
 */
final class ChatSession {
  /** Answers a message in the light of the previous answer's context token (null at first). */
  @FunctionalInterface
  interface Responder {
    Answer answer(String message, String context);
  }

  /** Where the lines come from: a terminal with line editing, or plain (piped) input. */
  interface Lines extends AutoCloseable {
    /** The next line, or null at the end of the input (Ctrl-D on a terminal). */
    String read() throws IOException;

    /**
     * Whether a person types the lines at a terminal (then the session greets and shows a prompt).
     */
    boolean interactive();

    /**
     * How to lay answers out now: for standard output, as {@code ask} does; a terminal may know its
     * width.
     */
    default TextLayout layout() {
      return Console.layout();
    }

    @Override
    void close() throws IOException;
  }

  static final String HELP =
      String.join(
          System.lineSeparator(),
          "Type a question and press Enter. Type the number of a question just listed to ask it;",
          "\"tell me more\" goes on to the first related question, and a short follow-up like",
          "\"and how likely is it?\" is read together with the previous question.",
          "",
          "Commands:",
          "  /sources   the sources of the last answer",
          "  /help      this help",
          "  /quit      leave (also: quit, exit, or Ctrl-D)");

  private final Responder responder;
  private final PrintWriter out;
  private final PrintWriter err;
  private String context;
  private Answer last;
  private Lines lines;

  ChatSession(Responder responder, PrintWriter out, PrintWriter err) {
    this.responder = responder;
    this.out = out;
    this.err = err;
  }

  /** Reads and answers lines until the input ends or the user leaves; returns the exit code. */
  int run(Lines lines, String greeting) throws IOException {
    this.lines = lines;
    if (lines.interactive() && greeting != null) {
      out.println(greeting);
      out.println();
      out.flush();
    }
    while (true) {
      out.flush();
      err.flush();
      String line = lines.read();
      if (line == null) {
        if (lines.interactive()) {
          out.println();
        }
        break;
      }
      String text = line.strip();
      if (text.isEmpty()) {
        continue;
      }
      if (text.startsWith("/") || isQuit(text)) {
        if (!command(text)) {
          break;
        }
        continue;
      }
      answer(line);
    }
    out.flush();
    err.flush();
    return Main.OK;
  }

  private void answer(String message) {
    Answer answer;
    try {
      answer = responder.answer(message, context);
    } catch (InvalidMessageException | UserError e) {
      err.println("faqbot: " + e.getMessage());
      err.flush();
      return;
    } catch (RuntimeException e) {
      // A conversation outlives one failed answer; say what failed, as Main does, and go on.
      err.println("faqbot: internal error: " + e);
      if (System.getenv("FAQBOT_DEBUG") != null) {
        e.printStackTrace(err);
      }
      err.flush();
      return;
    }
    new AnswerPrinter(out, lines.layout(), true).print(answer);
    out.println();
    out.flush();
    context = answer.context();
    last = answer;
  }

  /** Runs a command; returns false when the session should end. */
  private boolean command(String text) {
    String name = text.toLowerCase(Locale.ROOT);
    if (isQuit(name) || name.equals("/quit") || name.equals("/exit") || name.equals("/q")) {
      return false;
    }
    switch (name) {
      case "/help", "/?" -> {
        out.println(HELP);
        out.println();
      }
      case "/sources" -> {
        if (last == null) {
          out.println("No answer yet: ask a question first.");
        } else if (!last.matched()) {
          out.println("The last reply was not an answer from the FAQ, so it has no sources.");
        } else if (last.sources().isEmpty()) {
          out.println("The last answer lists no sources.");
        } else {
          out.println("Sources of \u201c" + last.answer().question() + "\u201d:");
          for (Source source : last.sources()) {
            lines.layout().wrap(source.text(), "  - ", "    ").forEach(out::println);
          }
        }
        out.println();
      }
      default -> {
        err.println(
            "faqbot: unknown command " + text.split("\\s+")[0] + " (/help lists the commands)");
        err.flush();
      }
    }
    out.flush();
    return true;
  }

  private static boolean isQuit(String text) {
    String name = text.toLowerCase(Locale.ROOT);
    return name.equals("quit") || name.equals("exit");
  }
}
