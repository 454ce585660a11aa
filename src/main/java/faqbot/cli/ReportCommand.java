package faqbot.cli;

import faqbot.answer.Json;
import faqbot.feedback.JournalFolder;
import faqbot.feedback.Ledger;
import faqbot.store.Database;
import faqbot.store.DatabaseJournal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Summarises the journals for editors: the questions the bot could not answer, and the answers
 * people disliked.
 */
@Command(
    name = "report",
    description = "Summarise feedback and unanswered questions from the journals.")
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "JOURNAL",
      description =
          "Journal files or folders of them (default: the journal/ folder; every replica's file merges).")
  List<Path> journals;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "20",
      description = "How many of each to list (default 20).")
  int top;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  record Unanswered(String question, int times) {}

  record Judged(String answerId, int helpful, int unhelpful, List<String> questions) {}

  record Summary(
      int records,
      int feedback,
      int declined,
      List<Unanswered> unanswered,
      List<Judged> unhelpful) {}

  @Option(
      names = "--days",
      paramLabel = "N",
      description = "Only the last N days (1 to 366; default: everything the journals hold).")
  Integer days;

  @Option(
      names = "--database",
      paramLabel = "URL",
      defaultValue = "${env:FAQBOT_DATABASE_URL}",
      description =
          "Read the journal the replicas share in this PostgreSQL database (default:"
              + " $FAQBOT_DATABASE_URL when set) instead of journal files.")
  String database;

  @Override
  public Integer call() throws IOException {
    if (top < 1 || top > 1000) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--top must be 1 to 1000, got " + top);
    }
    if (days != null && (days < 1 || days > 366)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--days must be 1 to 366, got " + days);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Ledger ledger;
    if (database != null && !database.isBlank() && (journals == null || journals.isEmpty())) {
      ledger = fromDatabase();
    } else {
      JournalFolder folder = JournalFolder.of(roots());
      ledger = folder.refresh();
      for (JournalFolder.BadLine bad : folder.badLines()) {
        err.println(bad.file() + ":" + bad.line() + ": warning: not a journal record; skipped");
      }
      for (Path torn : folder.tornTails()) {
        err.println(
            torn
                + ": warning: ends in a partial record (left by a crash; it was never"
                + " acknowledged)");
      }
    }
    Summary summary =
        summarise(
            ledger, days == null ? Instant.EPOCH : Instant.now().minus(Duration.ofDays(days)));
    if (json) {
      out.println(Json.mapper().writeValueAsString(summary));
    } else {
      print(out, summary);
    }
    out.flush();
    err.flush();
    return Main.OK;
  }

  private Ledger fromDatabase() throws IOException {
    Database opened;
    try {
      opened = Database.open(database);
    } catch (IllegalArgumentException e) {
      throw new UserError("--database: " + e.getMessage());
    }
    try (DatabaseJournal shared = new DatabaseJournal(opened)) {
      try {
        if (!opened.awaitMigrated(Duration.ofSeconds(15))) {
          throw new UserError("the database cannot be reached (waited 15 s)");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UserError("interrupted while waiting for the database");
      }
      return shared.reader().refresh();
    }
  }

  private List<Path> roots() {
    if (journals == null || journals.isEmpty()) {
      return List.of(Locations.home().resolve("journal"));
    }
    for (Path root : journals) {
      if (!Files.exists(root)) {
        throw new UserError("no journal at " + root);
      }
    }
    return journals;
  }

  /**
   * The figures the editors' page shows for the same journals and window (the record counts are of
   * everything read, whatever the window).
   */
  Summary summarise(Ledger ledger, Instant since) {
    Ledger.Totals totals = ledger.totals();
    List<Unanswered> unanswered =
        ledger.unanswered(since).stream()
            .limit(top)
            .map(w -> new Unanswered(w.question(), w.count()))
            .toList();
    List<Judged> unhelpful =
        ledger.unhelpful(since).stream()
            .limit(top)
            .map(
                u ->
                    new Judged(
                        u.entryId(),
                        u.helpful(),
                        u.unhelpful(),
                        u.questions().stream().limit(3).map(Ledger.Wording::question).toList()))
            .toList();
    return new Summary(
        totals.records(), totals.feedback(), totals.unanswered(), unanswered, unhelpful);
  }

  private static void print(PrintWriter out, Summary s) {
    out.println(
        s.records()
            + " records: "
            + s.declined()
            + " unanswered questions, "
            + s.feedback()
            + " verdicts on"
            + " answers.");
    out.println();
    out.println("Most asked questions without an answer:");
    if (s.unanswered().isEmpty()) {
      out.println("  (none)");
    }
    for (Unanswered u : s.unanswered()) {
      out.println(String.format(Locale.ROOT, "  %4d  %s", u.times(), u.question()));
    }
    out.println();
    out.println("Answers marked not helpful:");
    if (s.unhelpful().isEmpty()) {
      out.println("  (none)");
    }
    for (Judged j : s.unhelpful()) {
      out.println(
          String.format(
              Locale.ROOT,
              "  %4d not helpful, %d helpful  %s",
              j.unhelpful(),
              j.helpful(),
              j.answerId()));
      for (String q : j.questions()) {
        out.println("          asked as: " + q);
      }
    }
  }
}
