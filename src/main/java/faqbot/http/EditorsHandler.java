package faqbot.http;

import faqbot.answer.Answerer;
import faqbot.answer.Candidate;
import faqbot.feedback.FeedbackRecord;
import faqbot.feedback.FileJournal;
import faqbot.feedback.Journal;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /admin/api/questions?days=N}: for the editors' page, the questions the bot declined or
 * clarified in the last N days (default 30, 1 to 366) and that are not yet an entry's question or
 * phrasing, grouped by meaning, most asked first, each group with its count, when it was first and
 * last asked, and the entries closest to it.
 */
final class EditorsHandler {
  static final int DEFAULT_DAYS = 30;
  static final int MAX_DAYS = 366;
  static final int CLOSEST = 3;

  private final Backend backend;
  private final Journal journal;

  EditorsHandler(Backend backend, Journal journal) {
    this.backend = backend;
    this.journal = journal;
  }

  record Asked(String question, int count) {}

  record Closest(String id, String question, double confidence) {}

  record Group(
      int count, String firstSeen, String lastSeen, List<Asked> questions, List<Closest> closest) {}

  record Groups(int days, int questions, List<Group> groups) {}

  /** One wording of a question: how often, and when first and last. */
  private static final class Tally {
    final String question;
    int count;
    String first;
    String last;

    Tally(String question, String time) {
      this.question = question;
      this.first = time;
      this.last = time;
    }
  }

  void questions(Context ctx) {
    int days = QueryParams.wholeNumber("days", ctx.queryParam("days"), DEFAULT_DAYS, MAX_DAYS);
    Instant since = Instant.now().minus(Duration.ofDays(days));
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (FeedbackRecord record : records()) {
      if (!FeedbackRecord.DECLINED.equals(record.type()) || record.question() == null) {
        continue;
      }
      if (!after(record.time(), since)) {
        continue;
      }
      String key = Answerer.normalize(record.question()).toLowerCase(Locale.ROOT);
      Tally tally = tallies.computeIfAbsent(key, k -> new Tally(record.question(), record.time()));
      tally.count++;
      tally.first = min(tally.first, record.time());
      tally.last = max(tally.last, record.time());
    }
    List<Tally> byCount = new ArrayList<>(tallies.values());
    byCount.sort(Comparator.comparingInt((Tally t) -> -t.count));
    Map<String, Tally> byQuestion = new LinkedHashMap<>();
    byCount.forEach(t -> byQuestion.put(t.question, t));
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
        Tally t = byQuestion.get(question);
        count += t.count;
        first = first == null ? t.first : min(first, t.first);
        last = last == null ? t.last : max(last, t.last);
        asked.add(new Asked(question, t.count));
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

  private List<FeedbackRecord> records() {
    if (!(journal instanceof FileJournal file)) {
      return List.of();
    }
    try {
      return FileJournal.read(file.file()).records();
    } catch (IOException e) {
      throw new ApiException(503, "the journal cannot be read now: " + e.getMessage());
    }
  }

  private static boolean after(String time, Instant since) {
    try {
      return time != null && !Instant.parse(time).isBefore(since);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  // ISO-8601 instants in UTC compare as text.
  private static String min(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String max(String a, String b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
