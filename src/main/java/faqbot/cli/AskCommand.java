package faqbot.cli;

import faqbot.answer.Answer;
import faqbot.answer.Answerer;
import faqbot.answer.Json;
import faqbot.app.Bot;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Asks the FAQ one question and prints the answer, its related questions and its sources: from a
 * local index, or from a running server with {@code --server}.
 */
@Command(name = "ask", description = "Ask one question and print the answer.")
final class AskCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin Locations locations;

  @Option(
      names = "--json",
      description = "Print exactly the JSON the HTTP API returns (with --server: the server's).")
  boolean json;

  @Option(
      names = "--keywords-only",
      description = "Rank by keywords alone, without the sentence model.")
  boolean keywordsOnly;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description = {
        "Ask a faqbot server instead of a local index,",
        "at URL, like http://localhost:" + ServeCommand.DEFAULT_PORT + " (see 'faqbot serve')."
      })
  String server;

  @Parameters(
      arity = "1..*",
      paramLabel = "QUESTION",
      description = "The question (quote it, or give it as words).")
  List<String> words;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    URI url = server == null ? null : RemoteClient.parseServer(server, spec.commandLine());
    if (url != null) {
      RemoteClient.refuseLocalOptions(locations, keywordsOnly, spec.commandLine());
    }
    // Refuse a bad question before the slow part: loading the model and opening the index, or the
    // call.
    String question = Answerer.normalize(String.join(" ", words));
    if (url != null) {
      RemoteClient.Reply reply = new RemoteClient(url).answer(question, null);
      if (json) {
        out.println(reply.json());
      } else {
        new AnswerPrinter(out, Console.layout()).print(reply.answer());
      }
      out.flush();
      return Main.OK;
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
      Answer answer = bot.answerer().answer(question);
      if (json) {
        out.println(Json.mapper().writeValueAsString(answer));
      } else {
        new AnswerPrinter(out, Console.layout()).print(answer);
      }
      out.flush();
      return Main.OK;
    }
  }
}
