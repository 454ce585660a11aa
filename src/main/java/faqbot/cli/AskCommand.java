package faqbot.cli;

import faqbot.answer.Answer;
import faqbot.answer.Answerer;
import faqbot.answer.Bot;
import faqbot.answer.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Asks the FAQ one question and prints the answer, its related questions and its sources. */
@Command(name = "ask", description = "Ask one question and print the answer.")
final class AskCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  Locations locations;

  @Option(names = "--json", description = "Print exactly the JSON the HTTP API returns.")
  boolean json;

  @Option(names = "--keywords-only", description = "Rank by keywords alone, without the sentence model.")
  boolean keywordsOnly;

  @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question (quote it, or give it as words).")
  List<String> words;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Refuse a bad question before the slow part: loading the model and opening the index.
    String question = Answerer.normalize(String.join(" ", words));
    try (Bot bot = Bot.open(locations.corpus(), locations.index(), !keywordsOnly,
        report -> Reports.build(err, report, locations.corpus().toString(), locations.index().toString()))) {
      Answer answer = bot.answerer().answer(question);
      if (json) {
        out.println(Json.mapper().writeValueAsString(answer));
      } else {
        new AnswerPrinter(out, Terminal.layout()).print(answer);
      }
      out.flush();
      return Main.OK;
    }
  }
}
