package faqbot.cli;

import faqbot.answer.Json;
import faqbot.feedback.FeedbackRecord;
import faqbot.feedback.FileJournal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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

  @Override
  public Integer call() throws IOException {
    if (top < 1 || top > 1000) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--top must be 1 to 1000, got " + top);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<FeedbackRecord> records = new ArrayList<>();
    for (Path file : files()) {
      FileJournal.Contents contents = FileJournal.read(file);
      records.addAll(contents.records());
      for (int line : contents.badLines()) {
        err.println(file + ":" + line + ": warning: not a journal record; skipped");
      }
      if (contents.tornTail()) {
        err.println(
            file
                + ": warning: ends in a partial record (left by a crash; it was never acknowledged)");
      }
    }
    Summary summary = summarise(records);
    if (json) {
      out.println(Json.mapper().writeValueAsString(summary));
    } else {
      print(out, summary);
    }
    out.flush();
    err.flush();
    return Main.OK;
  }

  private List<Path> files() throws IOException {
    List<Path> roots =
        journals == null || journals.isEmpty()
            ? List.of(Locations.home().resolve("journal"))
            : journals;
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> list = Files.list(root)) {
          list.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(root)) {
        files.add(root);
      } else if (journals != null && !journals.isEmpty()) {
        throw new UserError("no journal at " + root);
      }
    }
    return files;
  }

  Summary summarise(List<FeedbackRecord> records) {
    Map<String, int[]> declined = new LinkedHashMap<>();
    Map<String, String> shown = new LinkedHashMap<>();
    Map<String, Judged> judged = new LinkedHashMap<>();
    int feedback = 0;
    int declinedCount = 0;
    for (FeedbackRecord r : records) {
      if (FeedbackRecord.DECLINED.equals(r.type()) && r.question() != null) {
        declinedCount++;
        String key =
            r.question().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        declined.computeIfAbsent(key, k -> new int[1])[0]++;
        shown.putIfAbsent(key, r.question());
      } else if (FeedbackRecord.FEEDBACK.equals(r.type())
          && r.answerId() != null
          && r.helpful() != null) {
        feedback++;
        Judged j = judged.getOrDefault(r.answerId(), new Judged(r.answerId(), 0, 0, List.of()));
        List<String> questions = new ArrayList<>(j.questions());
        if (!r.helpful()
            && r.question() != null
            && questions.size() < 3
            && !questions.contains(r.question())) {
          questions.add(r.question());
        }
        judged.put(
            r.answerId(),
            new Judged(
                r.answerId(),
                j.helpful() + (r.helpful() ? 1 : 0),
                j.unhelpful() + (r.helpful() ? 0 : 1),
                questions));
      }
    }
    List<Unanswered> unanswered =
        declined.entrySet().stream()
            .map(e -> new Unanswered(shown.get(e.getKey()), e.getValue()[0]))
            .sorted(Comparator.comparingInt(Unanswered::times).reversed())
            .limit(top)
            .toList();
    List<Judged> unhelpful =
        judged.values().stream()
            .filter(j -> j.unhelpful() > 0)
            .sorted(
                Comparator.comparingInt(Judged::unhelpful)
                    .reversed()
                    .thenComparingInt(Judged::helpful))
            .limit(top)
            .toList();
    return new Summary(records.size(), feedback, declinedCount, unanswered, unhelpful);
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
