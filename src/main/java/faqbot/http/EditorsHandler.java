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
import faqbot.feedback.JournalReader;
import faqbot.feedback.Ledger;
import faqbot.feedback.QuestionGroups;
import faqbot.text.Cut;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
  static final int MAX_DECIDED = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(EditorsHandler.class);
  private static final CsvMapper CSV = new CsvMapper();

  static final int DEFAULT_GROUPS = 100;

  /**
   * How long a request spends grouping questions never grouped before; the rest are shown on their
   * own, and grouped in the background.
   */
  static final Duration GROUPING_BUDGET = Duration.ofSeconds(2);

  /** The background grouping takes questions this many at a time, so requests get a turn. */
  static final int GROUPING_CHUNK = 25;

  static final int MAX_GROUPS = 1000;

  private final Backend backend;
  private final Journal journal;
  private final JournalReader journals;
  private final Path groupsFolder;
  private QuestionGroups groups;
  private volatile boolean closed;

  EditorsHandler(Backend backend, Journal journal) {
    this.backend = backend;
    this.journal = journal;
    this.journals = journal.reader();
    if (journal instanceof FileJournal file) {
      Path path = file.file().toAbsolutePath();
      String name = path.getFileName().toString();
      this.groupsFolder =
          path.resolveSibling(
              (name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name) + ".groups");
    } else {
      this.groupsFolder = null;
    }
  }

  /**
   * The groups of questions, opened once the bot (and so its sentence model) is ready; kept beside
   * this server's journal, or in memory when it has none (or that folder cannot be used).
   */
  private synchronized QuestionGroups groups(Answerer answerer) {
    if (groups == null) {
      String model = answerer.meaningModel();
      try {
        groups =
            groupsFolder == null
                ? null
                : QuestionGroups.open(
                    groupsFolder, model, answerer::meaning, Answerer.SAME_MEANING);
      } catch (IOException | RuntimeException e) {
        LOG.warn(
            "cannot keep the question groups in {} ({}); they are kept in memory",
            groupsFolder,
            e.toString());
      }
      if (groups == null) {
        groups = QuestionGroups.inMemory(model, answerer::meaning, Answerer.SAME_MEANING);
      }
    }
    return groups;
  }

  /** Closes the kept groups (at shutdown). */
  synchronized void close() {
    closed = true;
    synchronized (wake) {
      wake.notifyAll();
    }
    if (groups != null) {
      try {
        groups.close();
      } catch (IOException e) {
        LOG.warn("could not close the question groups: {}", e.toString());
      }
      groups = null;
    }
  }

  record Asked(String question, int count) {}

  record Closest(String id, String question, double confidence) {}

  record Group(
      int count, String firstSeen, String lastSeen, List<Asked> questions, List<Closest> closest) {}

  /**
   * @param questions how many different questions
   * @param totalGroups how many groups they make
   * @param ungrouped how many are not grouped yet (each stands alone; grouping goes on in the
   *     background)
   * @param groups the most asked groups, at most {@code limit}
   */
  record Groups(int days, int questions, int totalGroups, int ungrouped, List<Group> groups) {}

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
   * Starts keeping up with the journals in the background: reading what they gained and grouping
   * the questions not grouped yet, at once and then every {@link #KEEP_UP} or when a request asks
   * for a longer window than is grouped, so that a page load finds both done (a year of a busy FAQ
   * takes seconds to read, and a question never grouped before takes a few milliseconds).
   */
  void warm() {
    Thread keeper = new Thread(this::keepUp, "editors-grouping");
    keeper.setDaemon(true);
    keeper.start();
  }

  static final Duration KEEP_UP = Duration.ofSeconds(30);

  private final Object wake = new Object();
  private volatile int groupedDays = DEFAULT_DAYS;

  private void keepUp() {
    while (!closed) {
      try {
        Ledger ledger = journals.refresh();
        if (backend.isReady()) {
          Answerer answerer = backend.answerer();
          List<String> questions = open(ledger, answerer, groupedDays);
          // A few at a time: a request waiting to place its own questions gets a turn.
          for (int from = 0; from < questions.size() && !closed; from += GROUPING_CHUNK) {
            groupsOf(
                answerer,
                questions.subList(from, Math.min(questions.size(), from + GROUPING_CHUNK)),
                Long.MAX_VALUE);
          }
        }
        synchronized (wake) {
          if (!closed) {
            wake.wait(backend.isReady() ? KEEP_UP.toMillis() : 200);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException | RuntimeException e) {
        if (closed) {
          return;
        }
        LOG.warn("could not keep the editors' page up to date: {}", e.toString());
        try {
          Thread.sleep(KEEP_UP.toMillis());
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Asks the background to group a window's questions too (the longest asked for so far). */
  private void groupInBackground(int days) {
    synchronized (wake) {
      if (days > groupedDays) {
        groupedDays = days;
      }
      wake.notifyAll();
    }
  }

  private Map<String, Integer> groupsOf(Answerer answerer, List<String> questions, long budgetNanos)
      throws IOException {
    QuestionGroups kept;
    synchronized (this) {
      if (closed) {
        throw new ApiException(503, "the server is stopping");
      }
      kept = groups(answerer);
    }
    return kept.groupsOf(questions, budgetNanos);
  }

  /**
   * The unanswered questions of the last days that are not yet an entry's question or phrasing,
   * most asked first.
   */
  private static List<String> open(Ledger ledger, Answerer answerer, int days) {
    List<String> asked =
        ledger.unanswered(since(days)).stream().map(Ledger.Wording::question).toList();
    return answerer.notYetInTheFaq(asked);
  }

  private Ledger ledger() {
    try {
      return journals.refresh();
    } catch (IOException e) {
      LOG.warn("the journals cannot be read now: {}", e.getMessage());
      throw new ApiException(503, "the journals cannot be read now; try again later");
    }
  }

  private static int days(Context ctx) {
    return QueryParams.wholeNumber("days", ctx.queryParam("days"), DEFAULT_DAYS, MAX_DAYS);
  }

  private static Instant since(int days) {
    return Instant.now().minus(Duration.ofDays(days));
  }

  void questions(Context ctx) throws IOException {
    int days = days(ctx);
    int limit =
        QueryParams.wholeNumber("limit", ctx.queryParam("limit"), DEFAULT_GROUPS, MAX_GROUPS);
    Map<String, Ledger.Wording> byQuestion = new LinkedHashMap<>();
    ledger().unanswered(since(days)).forEach(w -> byQuestion.put(w.question(), w));
    Answerer answerer = backend.answerer();
    // What an editor has added as a phrasing since is answered now: it does not come back.
    byQuestion.keySet().retainAll(answerer.notYetInTheFaq(byQuestion.keySet()));
    Map<String, Integer> groupOf =
        groupsOf(answerer, List.copyOf(byQuestion.keySet()), GROUPING_BUDGET.toNanos());
    // A question not grouped yet stands alone for now.
    Map<Object, List<Ledger.Wording>> members = new LinkedHashMap<>();
    byQuestion.forEach(
        (question, w) -> {
          Object group = groupOf.containsKey(question) ? groupOf.get(question) : question;
          members.computeIfAbsent(group, g -> new ArrayList<>()).add(w);
        });
    List<List<Ledger.Wording>> ranked = new ArrayList<>(members.values());
    ranked.sort(
        Comparator.comparingInt((List<Ledger.Wording> g) -> -count(g))
            .thenComparing(g -> last(g), Comparator.reverseOrder()));
    List<Group> shown = new ArrayList<>();
    for (List<Ledger.Wording> group : ranked.subList(0, Math.min(limit, ranked.size()))) {
      String first = group.get(0).firstSeen();
      for (Ledger.Wording w : group) {
        first = min(first, w.firstSeen());
      }
      List<Closest> closest =
          answerer.search(group.get(0).question(), CLOSEST).stream()
              .map(
                  (Candidate c) ->
                      new Closest(c.entry().id(), c.entry().question(), c.confidence()))
              .toList();
      shown.add(
          new Group(
              count(group),
              first,
              last(group),
              group.stream().map(w -> new Asked(w.question(), w.count())).toList(),
              closest));
    }
    int ungrouped = byQuestion.size() - groupOf.size();
    if (ungrouped > 0) {
      groupInBackground(days);
    }
    ctx.json(new Groups(days, byQuestion.size(), ranked.size(), ungrouped, shown));
  }

  private static int count(List<Ledger.Wording> group) {
    return group.stream().mapToInt(Ledger.Wording::count).sum();
  }

  private static String last(List<Ledger.Wording> group) {
    String last = group.get(0).lastSeen();
    for (Ledger.Wording w : group) {
      last = max(last, w.lastSeen());
    }
    return last;
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
