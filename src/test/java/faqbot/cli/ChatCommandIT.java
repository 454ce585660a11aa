package faqbot.cli;

import static faqbot.cli.CliRuns.heading;
import static org.assertj.core.api.Assertions.assertThat;

import faqbot.answer.Answer;
import faqbot.answer.EntryView;
import faqbot.answer.Outcome;
import faqbot.corpus.Marks;
import faqbot.corpus.Source;
import faqbot.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faqbot chat} with piped input, on the bundled corpus: answers, number follow-ups,
 * commands, errors.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ChatCommandIT {
  private static final String SEED_QUESTION = "What is inner alignment?";
  private static final String SEED_ID = "what-is-inner-alignment";
  private static final String SECOND_RELATED =
      "What is the difference between inner and outer alignment?";

  /** Shared by the class, so the index of the bundled corpus is built once. */
  @TempDir static Path shared;

  private static String[] chat(String... rest) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "chat",
                "--corpus",
                Fixtures.corpus().toString(),
                "--index",
                shared.resolve("index").toString()));
    args.addAll(List.of(rest));
    return args.toArray(String[]::new);
  }

  @BeforeAll
  static void buildTheIndexOnce() {
    CliRuns.Run run =
        CliRuns.run(
            "index",
            "--corpus",
            Fixtures.corpus().toString(),
            "--index",
            shared.resolve("index").toString());
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
  }

  @Test
  void answersAQuestionThenTheRelatedQuestionPickedByNumberThenItsSources() {
    EntryView seed = Fixtures.bundledBot().answerer().entry(SEED_ID).orElseThrow();
    assertThat(seed.related().get(1).question()).isEqualTo(SECOND_RELATED);

    CliRuns.Run run =
        CliRuns.chat(
            List.of(SEED_QUESTION, "2", "/sources", "/quit", "What is outer alignment?"), chat());

    assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
    assertThat(run.err()).as(run.all()).isEmpty();
    String out = run.out();
    // Piped input: no greeting, no prompt.
    assertThat(out).doesNotContain("faqbot> ").doesNotContain("/help for help");

    // The first answer, printed as ask prints it, with its numbered related questions.
    assertThat(out).startsWith(heading(SEED_QUESTION));
    assertThat(out).contains("Inner alignment is the problem");
    for (int i = 0; i < seed.related().size(); i++) {
      assertThat(out).contains("  " + (i + 1) + ". " + seed.related().get(i).question() + "\n");
    }

    // "2" asks the second related question, through the context token of the first answer.
    int second = out.indexOf(heading(SECOND_RELATED));
    assertThat(second).as(out).isGreaterThan(out.indexOf("Related questions:"));
    Answer expected = Fixtures.bundledBot().answerer().answer(SEED_QUESTION);
    Answer picked = Fixtures.bundledBot().answerer().answer("2", expected.context());
    assertThat(picked.answer().question()).isEqualTo(SECOND_RELATED);
    assertThat(squash(out.substring(second)))
        .contains(squash(Marks.strip(picked.answer().blocks().get(0).text())));

    // /sources lists the sources of the last answer (the second one), after it.
    int sources = out.indexOf("Sources of \u201c" + SECOND_RELATED + "\u201d:");
    assertThat(sources).as(out).isGreaterThan(second);
    String listed = squash(out.substring(sources));
    assertThat(picked.sources()).isNotEmpty();
    for (Source source : picked.sources()) {
      assertThat(listed).contains(squash(Marks.strip(source.text())));
    }

    // /quit ends the session: the line after it is never answered.
    assertThat(out).doesNotContain(heading("What is outer alignment?"));
    assertThat(out.split("\n=+\n", -1))
        .as("two answers, each with its underlined heading")
        .hasSize(3);
  }

  @Test
  void errorsAreOneLineAndTheSessionGoesOnToTheEndOfTheInput() {
    CliRuns.Run run =
        CliRuns.chat(
            List.of("", "   ", "x".repeat(4200), "/nonsense", "/sources", SEED_QUESTION), chat());

    assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
    assertThat(run.err().lines().toList())
        .as(run.all())
        .containsExactly(
            "faqbot: the message is 4200 characters long; the limit is 4000",
            "faqbot: unknown command /nonsense (/help lists the commands)");
    assertThat(run.out()).startsWith("No answer yet: ask a question first.\n");
    assertThat(run.out()).contains(heading(SEED_QUESTION));
  }

  @Test
  void aNumberPicksAChoiceWhenTheBotAsksWhichWasMeant() {
    // Between two entries: the bot asks which was meant, and a number picks one.
    String between = "How does AI control differ from boxing an AI?";
    Answer clarify = Fixtures.bundledBot().answerer().answer(between);
    assertThat(clarify.outcome()).isEqualTo(Outcome.CLARIFY);
    assertThat(clarify.alternatives()).hasSizeGreaterThan(1);
    String second = clarify.alternatives().get(1).question();

    CliRuns.Run run = CliRuns.chat(List.of(between, "2", "/sources"), chat());

    assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
    String out = run.out();
    assertThat(out).startsWith(clarify.reply() + "\n");
    assertThat(out)
        .contains("  2. " + second + "\n")
        .contains("(Type a number to see that answer.)");
    assertThat(out).contains(heading(second));
    assertThat(out.indexOf(heading(second))).isGreaterThan(out.indexOf("  2. " + second));
  }

  @Test
  void greetsAHelloWithQuestionsToStartWith() {
    CliRuns.Run run = CliRuns.chat(List.of("hello", "1"), chat());
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
    Answer hello = Fixtures.bundledBot().answerer().answer("hello");
    assertThat(run.out())
        .startsWith(hello.reply() + "\n")
        .contains("  1. " + hello.alternatives().get(0).question())
        .contains(heading(hello.alternatives().get(0).question()));
  }

  @Test
  void quitExitAndHelpAreCommandsToo() {
    CliRuns.Run help = CliRuns.chat(List.of("/help", "exit", SEED_QUESTION), chat());
    assertThat(help.exit()).as(help.all()).isEqualTo(Main.OK);
    assertThat(help.out()).contains("/sources").contains("/quit").contains("number");
    assertThat(help.out()).doesNotContain(heading(SEED_QUESTION));

    CliRuns.Run quit = CliRuns.chat(List.of("QUIT", SEED_QUESTION), chat());
    assertThat(quit.exit()).as(quit.all()).isEqualTo(Main.OK);
    assertThat(quit.out()).isEmpty();
  }

  @Test
  void serverAndALocalCorpusTogetherAreAUsageError() {
    CliRuns.Run run =
        CliRuns.chat(List.of(SEED_QUESTION), chat("--server", "http://localhost:7070"));
    assertThat(run.exit()).isEqualTo(Main.USAGE);
    assertThat(run.out()).isEmpty();
    // A usage error, as picocli shows them: what is wrong on the first line, then the usage.
    assertThat(run.err().lines().findFirst().orElseThrow())
        .contains("--server")
        .contains("--corpus");
    assertThat(run.err()).contains("Usage: faqbot chat");
  }

  private static String squash(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
