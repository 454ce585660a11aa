package faqbot.cli;

import faqbot.answer.InvalidMessageException;
import faqbot.corpus.CorpusException;
import faqbot.embed.ModelLoadException;
import faqbot.eval.EvalFileException;
import faqbot.index.IndexException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the faqbot command line: ask, chat, serve, index, check, eval. */
@Command(
    name = "faqbot",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Answers questions from a curated FAQ: on the command line, over HTTP, in a web widget and in Slack.",
    subcommands = {
      AskCommand.class,
      ChatCommand.class,
      ServeCommand.class,
      IndexCommand.class,
      CheckCommand.class,
      EvalCommand.class,
      ReportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {
  /** Exit codes, as every subcommand uses them. */
  public static final int OK = 0;

  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return USAGE;
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line with its output going to the given writers; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine(out, err);
    return cli.execute(args);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(
        e -> e instanceof CommandLine.ParameterException ? USAGE : FAILURE);
    // Bad usage: the message, a suggestion when there is one ("Did you mean …"), then always the
    // usage.
    cli.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine c = e.getCommandLine();
          PrintWriter w = c.getErr();
          w.println(e.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(e, w);
          c.usage(w);
          w.flush();
          return USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter w = commandLine.getErr();
          if (e instanceof InvalidMessageException || e instanceof CommandLine.ParameterException) {
            w.println("faqbot: " + e.getMessage());
            w.flush();
            return USAGE;
          }
          if (e instanceof CorpusException
              || e instanceof IndexException
              || e instanceof UserError
              || e instanceof EvalFileException
              || e instanceof ModelLoadException) {
            w.println("faqbot: " + e.getMessage());
          } else {
            w.println("faqbot: internal error: " + e);
            if (System.getenv("FAQBOT_DEBUG") != null) {
              e.printStackTrace(w);
            } else {
              w.println("(set FAQBOT_DEBUG=1 to see where)");
            }
          }
          w.flush();
          return FAILURE;
        });
    return cli;
  }

  /** Reads the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"faqbot " + (v == null ? "(development build)" : v)};
    }
  }
}
