package faqbot.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import faqbot.answer.Answerer;
import faqbot.answer.Candidate;
import faqbot.answer.EntryView;
import faqbot.feedback.FeedbackRecord;
import faqbot.feedback.FileJournal;
import faqbot.feedback.Journal;
import faqbot.feedback.JournalFolder;
import faqbot.feedback.Ledger;
import faqbot.text.Cut;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The editors' page's API, over every replica's journal in the folder of this server's: what people
 * asked in the last N days ({@code ?days=}, default 30, 1 to 366) and what editors decided.
 *
 * <ul>
 *   <li>{@code GET /admin/api/questions}: the questions the bot declined or clarified that are not
 *       yet an entry's question or phrasing and no editor decided about, grouped by meaning, most
 *       asked first, each group with the entries closest to it;
 *   <li>{@code GET /admin/api/unhelpful}: the answers marked unhelpful, with the questions that led
 *       to them;
 *   <li>{@code GET /admin/api/suggestions}: questions that seem to mean an entry, as phrasings to
 *       add;
 *   <li>{@code GET /admin/api/traffic}: each day's questions by outcome, and the verdicts;
 *   <li>{@code POST /admin/decisions} {@code {"questions": [...], "decision": "dismiss" |
 *       "new-entry"}}: kept durably, and those questions leave the lists;
 *   <li>{@code GET /admin/api/new-entries} (and {@code .csv}): the questions that need a new entry.
 * </ul>
 */
final class EditorsHandler {
  static final int DEFAULT_DAYS = 30;
  static final int MAX_DAYS = 366;
  static final int CLOSEST = 3;
  static final int MAX_DECIDED = 100;

  private static final Logger LOG = LoggerFactory.getLogger(EditorsHandler.class);
  private static final CsvMapper CSV = new CsvMapper();

  private final Backend backend;
  private final Journal journal;
  private final JournalFolder journals;

  EditorsHandler(Backend backend, Journal journal) {
    this.backend = backend;
    this.journal = journal;
    this.journals =
        journal instanceof FileJournal file
            ? JournalFolder.of(file.file().toAbsolutePath().getParent())
            : JournalFolder.of(List.of());
  }

  record Asked(String question, int count) {}

  record Closest(String id, String question, double confidence) {}

  record Group(
      int count, String firstSeen, String lastSeen, List<Asked> questions, List<Closest> closest) {}

  record Groups(int days, int questions, List<Group> groups) {}

  record UnhelpfulAnswer(
      String id,
      String question,
      int unhelpful,
      int helpful,
      String lastSeen,
      List<Asked> questions) {}

  record UnhelpfulAnswers(int days, List<UnhelpfulAnswer> answers) {}

  record Suggestion(
      String entryId,
      String entryQuestion,
      String phrasing,
      int count,
      String lastSeen,
      Set<Ledger.Reason> reasons) {}

  record Suggestions(int days, List<Suggestion> suggestions) {}

  record Traffic(int days, List<Ledger.Day> series) {}

  record Decided(String decision, int questions) {}

  record NewEntries(List<Ledger.NewEntry> entries) {}

  /**
   * Starts reading the journals in the background, so that the first page load finds them read (a
   * year of a busy FAQ takes seconds).
   */
  void warm() {
    Thread reader =
        new Thread(
            () -> {
              try {
                journals.refresh();
              } catch (IOException | RuntimeException e) {
                LOG.warn("could not read the journals for the editors' page yet: {}", e.toString());
              }
            },
            "journal-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private Ledger ledger() {
    try {
      return journals.refresh();
    } catch (IOException e) {
      throw new ApiException(503, "the journals cannot be read now: " + e.getMessage());
    }
  }

  private static int days(Context ctx) {
    return QueryParams.wholeNumber("days", ctx.queryParam("days"), DEFAULT_DAYS, MAX_DAYS);
  }

  private static Instant since(int days) {
    return Instant.now().minus(Duration.ofDays(days));
  }

  void questions(Context ctx) {
    int days = days(ctx);
    Map<String, Ledger.Wording> byQuestion = new LinkedHashMap<>();
    ledger().unanswered(since(days)).forEach(w -> byQuestion.put(w.question(), w));
    Answerer answerer = backend.answerer();
    // What an editor has added as a phrasing since is answered now: it does not come back.
    byQuestion.keySet().retainAll(answerer.notYetInTheFaq(byQuestion.keySet()));
    List<Group> groups = new ArrayList<>();
    for (List<String> members : answerer.groupByMeaning(List.copyOf(byQuestion.keySet()))) {
      int count = 0;
      String first = null;
      String last = null;
      List<Asked> asked = new ArrayList<>();
      for (String question : members) {
        Ledger.Wording w = byQuestion.get(question);
        count += w.count();
        first = first == null ? w.firstSeen() : min(first, w.firstSeen());
        last = last == null ? w.lastSeen() : max(last, w.lastSeen());
        asked.add(new Asked(question, w.count()));
      }
      List<Closest> closest =
          answerer.search(members.get(0), CLOSEST).stream()
              .map(
                  (Candidate c) ->
                      new Closest(c.entry().id(), c.entry().question(), c.confidence()))
              .toList();
      groups.add(new Group(count, first, last, asked, closest));
    }
    groups.sort(
        Comparator.comparingInt((Group g) -> -g.count())
            .thenComparing(Group::lastSeen, Comparator.reverseOrder()));
    ctx.json(new Groups(days, byQuestion.size(), groups));
  }

  void unhelpful(Context ctx) {
    int days = days(ctx);
    Answerer answerer = backend.answerer();
    List<UnhelpfulAnswer> answers =
        ledger().unhelpful(since(days)).stream()
            .map(
                u ->
                    new UnhelpfulAnswer(
                        u.entryId(),
                        answerer.entry(u.entryId()).map(EntryView::question).orElse(null),
                        u.unhelpful(),
                        u.helpful(),
                        u.lastSeen(),
                        u.questions().stream()
                            .map(w -> new Asked(w.question(), w.count()))
                            .toList()))
            .toList();
    ctx.json(new UnhelpfulAnswers(days, answers));
  }

  void suggestions(Context ctx) {
    int days = days(ctx);
    Answerer answerer = backend.answerer();
    List<Ledger.Suggested> suggested = ledger().suggestions(since(days));
    Set<String> open =
        Set.copyOf(
            answerer.notYetInTheFaq(suggested.stream().map(s -> s.wording().question()).toList()));
    List<Suggestion> out = new ArrayList<>();
    for (Ledger.Suggested s : suggested) {
      Optional<EntryView> entry = answerer.entry(s.entryId());
      if (entry.isEmpty() || !open.contains(s.wording().question())) {
        continue;
      }
      out.add(
          new Suggestion(
              s.entryId(),
              entry.get().question(),
              s.wording().question(),
              s.wording().count(),
              s.wording().lastSeen(),
              s.reasons()));
    }
    ctx.json(new Suggestions(days, out));
  }

  void traffic(Context ctx) {
    int days = days(ctx);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    ctx.json(new Traffic(days, ledger().traffic(today.minusDays(days - 1L), today)));
  }

  void decide(Context ctx) {
    JsonNode body = JsonBodies.object(ctx);
    String decision = JsonBodies.requiredString(body, "decision");
    if (!FeedbackRecord.DISMISS.equals(decision) && !FeedbackRecord.NEW_ENTRY.equals(decision)) {
      throw new ApiException(
          400,
          "\"decision\" '"
              + Cut.atMost(decision, 40)
              + "' is not one of '"
              + FeedbackRecord.DISMISS
              + "' or '"
              + FeedbackRecord.NEW_ENTRY
              + "'");
    }
    List<String> questions =
        JsonBodies.requiredStrings(body, "questions", 1, MAX_DECIDED, Answerer.MAX_MESSAGE_CHARS);
    try {
      for (String question : questions) {
        journal.append(FeedbackRecord.decision(question, decision, null));
      }
    } catch (IOException e) {
      LOG.error("cannot append an editor's decision to the journal", e);
      throw new ApiException(503, "the decision cannot be recorded right now; try again later");
    }
    ctx.status(201).json(new Decided(decision, questions.size()));
  }

  void newEntries(Context ctx) {
    ctx.json(new NewEntries(ledger().newEntries()));
  }

  /** A row of the "needs a new entry" export. */
  @JsonPropertyOrder({"question", "count", "first_seen", "last_seen", "decided"})
  record CsvRow(
      String question,
      int count,
      @JsonProperty("first_seen") String firstSeen,
      @JsonProperty("last_seen") String lastSeen,
      String decided) {}

  void newEntriesCsv(Context ctx) {
    List<CsvRow> rows =
        ledger().newEntries().stream()
            .map(
                e ->
                    new CsvRow(
                        inertInSpreadsheets(e.question()),
                        e.count(),
                        e.firstSeen(),
                        e.lastSeen(),
                        e.decided()))
            .toList();
    try {
      ctx.contentType("text/csv; charset=utf-8")
          .header("Content-Disposition", "attachment; filename=\"needs-new-entry.csv\"")
          .result(CSV.writer(CSV.schemaFor(CsvRow.class).withHeader()).writeValueAsString(rows));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A question as a spreadsheet will show it rather than run it: anyone can ask one that starts
   * like a formula, and an editor opens this file in a spreadsheet.
   */
  static String inertInSpreadsheets(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  // ISO-8601 instants in UTC compare as text.
  private static String min(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String max(String a, String b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
