package faqbot.cli;

import faqbot.app.Bot;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A conversation with the FAQ: each line is a question, a number asks one of the questions just
 * listed, and a few commands (/sources, /help, /quit) steer. Line editing and history at a
 * terminal; plain lines from a pipe.
 */
@Command(
    name = "chat",
    description = {
      "Talk with the FAQ: ask a question per line; type a number to ask one of the questions just listed.",
      "Commands: /sources (sources of the last answer), /help, /quit (or quit, exit, Ctrl-D).",
      "At a terminal, lines can be edited and earlier ones recalled with the arrow keys (they are kept in the file "
          + ChatInput.HISTORY_FILE_NAME
          + " in your home folder); from a pipe, lines are read one by one."
    })
final class ChatCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin Locations locations;

  @Option(
      names = "--keywords-only",
      description = "Rank by keywords alone, without the sentence model.")
  boolean keywordsOnly;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description = {
        "Talk to a faqbot server instead of a local index,",
        "at URL, like http://localhost:" + ServeCommand.DEFAULT_PORT + " (see 'faqbot serve')."
      })
  String server;

  /**
   * Where the lines come from instead of standard input, when set (tests set it); then never a
   * terminal.
   */
  InputStream input;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (server != null) {
      URI url = RemoteClient.parseServer(server, spec.commandLine());
      RemoteClient.refuseLocalOptions(locations, keywordsOnly, spec.commandLine());
      RemoteClient client = new RemoteClient(url);
      ChatSession session =
          new ChatSession((message, context) -> client.answer(message, context).answer(), out, err);
      try (ChatSession.Lines lines = lines(out)) {
        return session.run(lines, "faqbot chat with the server at " + url + ". " + hint());
      }
    }
    try (Bot bot =
        Bot.open(
            locations.corpusSource(),
            locations.index(),
            !keywordsOnly,
            locations.smallTalk(),
            report ->
                Reports.build(
                    err, report, locations.corpus().toString(), locations.index().toString()))) {
      ChatSession session = new ChatSession(bot.answerer()::answer, out, err);
      try (ChatSession.Lines lines = lines(out)) {
        return session.run(
            lines, "faqbot chat: " + bot.answerer().size() + " questions in the FAQ. " + hint());
      }
    }
  }

  private ChatSession.Lines lines(PrintWriter out) {
    return input != null ? ChatInput.plain(input, null) : ChatInput.standardInput(out);
  }

  private static String hint() {
    return "Ask a question; /help for help, /quit to leave.";
  }
}
