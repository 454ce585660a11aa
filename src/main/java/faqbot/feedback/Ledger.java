package faqbot.feedback;

import com.fasterxml.jackson.annotation.JsonValue;
import faqbot.answer.Answerer;
import faqbot.text.Cut;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sums journal records for the FAQ's editors: what was asked each day and what the bot did, the
 * questions it could not answer, the answers marked unhelpful, the phrasings people meant for an
 * entry, and what editors decided. Questions are told apart by their words, case and punctuation
 * aside. Thread-safe.
 */
public final class Ledger {
  /** Below this confidence an answer was given only narrowly: its question may be a phrasing. */
  public static final double NARROW_BELOW = 0.85;

  /** Why a question is suggested as a phrasing of an entry. */
  public enum Reason {
    /** The bot answered with that entry, but only narrowly. */
    NARROW,
    /** The bot asked "did you mean…?" and the person picked that entry. */
    PICKED,
    /** The person marked that narrow answer helpful. */
    HELPFUL;

    @JsonValue
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One wording of a question: how often it was asked in a window, and when first and last. */
  public record Wording(String question, int count, String firstSeen, String lastSeen) {}

  /** One day's questions by what the bot did, and its readers' verdicts. */
  public record Day(
      String day,
      int answer,
      int clarify,
      int decline,
      int smalltalk,
      int helpful,
      int unhelpful) {}

  /** An entry marked unhelpful, with the questions that led to the marks. */
  public record Unhelpful(
      String entryId, int unhelpful, int helpful, String lastSeen, List<Wording> questions) {}

  /** A question people asked that seems to mean an entry, and why. */
  public record Suggested(String entryId, Wording wording, Set<Reason> reasons) {}

  /** A question an editor said needs a new entry, with how often it was ever asked unanswered. */
  public record NewEntry(
      String question, int count, String firstSeen, String lastSeen, String decided) {}

  /** How many records of each kind were read. */
  public record Totals(int records, int asked, int unanswered, int feedback, int decisions) {}

  private static final int ANSWER = 0;
  private static final int CLARIFY = 1;
  private static final int DECLINE = 2;
  private static final int SMALLTALK = 3;
  private static final int HELPFUL = 4;
  private static final int UNHELPFUL = 5;

  /** The times (epoch seconds) one wording was seen, and the words it was first seen in. */
  private static final class Times {
    final String shown;
    long[] seconds = new long[2];
    int size;

    Times(String shown) {
      this.shown = shown;
    }

    void add(long at) {
      if (size == seconds.length) {
        seconds = Arrays.copyOf(seconds, size * 2);
      }
      seconds[size++] = at;
    }

    /** The times at or after {@code since}, as a wording; null when there are none. */
    Wording since(long since) {
      int count = 0;
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (int i = 0; i < size; i++) {
        long at = seconds[i];
        if (at >= since) {
          count++;
          first = Math.min(first, at);
          last = Math.max(last, at);
        }
      }
      return count == 0 ? null : new Wording(shown, count, iso(first), iso(last));
    }
  }

  private static final class Suggestion {
    final String entryId;
    final Times times;
    final EnumSet<Reason> reasons = EnumSet.noneOf(Reason.class);
    boolean contested;

    Suggestion(String entryId, String shown) {
      this.entryId = entryId;
      this.times = new Times(shown);
    }
  }

  private record Decision(String decision, String entryId, long at, String question) {}

  private final TreeMap<Long, int[]> days = new TreeMap<>();
  private final Map<String, Times> unanswered = new HashMap<>();
  private final Map<String, Map<String, Times>> unhelpfulQuestions = new HashMap<>();
  private final Map<String, Times> helpfulMarks = new HashMap<>();
  private final Map<String, Times> unhelpfulMarks = new HashMap<>();
  private final Map<String, Suggestion> suggestions = new HashMap<>();
  private final Map<String, Decision> decisions = new HashMap<>();
  private int records;
  private int asked;
  private int unansweredCount;
  private int feedback;
  private int decisionCount;

  /**
   * The key a question is told apart by: its letters and digits in lower case, each run of anything
   * else one space. (A loop, not a regular expression: it runs for every record of a year's
   * journal.)
   */
  public static String key(String question) {
    String text = Cut.atMost(question, Answerer.MAX_MESSAGE_CHARS);
    StringBuilder key = new StringBuilder(text.length());
    boolean gap = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetter(c) || isNumber(c)) {
        if (gap && key.length() > 0) {
          key.append(' ');
        }
        gap = false;
        key.appendCodePoint(Character.toLowerCase(c));
      } else {
        gap = true;
      }
    }
    return key.toString();
  }

  private static boolean isNumber(int c) {
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** Adds a record; one with no readable time is left out. */
  public synchronized void add(FeedbackRecord given) {
    long at = epochSecond(given.time());
    if (at == NO_TIME) {
      return;
    }
    FeedbackRecord r =
        given.question() == null
            ? given
            : given.withQuestion(shownQuestions.computeIfAbsent(given.question(), Ledger::shown));
    if (shownQuestions.size() > KEPT_WORDINGS) {
      shownQuestions.clear();
    }
    records++;
    String type = r.type() == null ? "" : r.type();
    switch (type) {
      case FeedbackRecord.DECLINED, FeedbackRecord.ASKED -> asked(r, at);
      case FeedbackRecord.FEEDBACK -> feedback(r, at);
      case FeedbackRecord.DECISION -> decided(r, at);
      default -> {}
    }
  }

  private static final long NO_TIME = Long.MIN_VALUE;

  /** How many questions' shown forms and keys are kept, so a repeated question costs a lookup. */
  private static final int KEPT_WORDINGS = 100_000;

  private final Map<String, String> shownQuestions = new HashMap<>();
  private final Map<String, String> keys = new HashMap<>();

  private String keyOf(String question) {
    if (keys.size() > KEPT_WORDINGS) {
      keys.clear();
    }
    return keys.computeIfAbsent(question, Ledger::key);
  }

  /**
   * The second a journal's time stamp names, or {@link #NO_TIME}. Journals write the one form
   * {@code 2026-12-06T14:07:09.449454423Z}, read here field by field: a general parser costs a
   * year's journal seconds more. Any other form goes to the general one.
   */
  static long epochSecond(String time) {
    if (time == null) {
      return NO_TIME;
    }
    int n = time.length();
    if (n >= 20
        && time.charAt(4) == '-'
        && time.charAt(7) == '-'
        && time.charAt(10) == 'T'
        && time.charAt(13) == ':'
        && time.charAt(16) == ':'
        && time.charAt(n - 1) == 'Z'
        && (n == 20 || time.charAt(19) == '.')) {
      int year = digits(time, 0, 4);
      int month = digits(time, 5, 7);
      int day = digits(time, 8, 10);
      int hour = digits(time, 11, 13);
      int minute = digits(time, 14, 16);
      int second = digits(time, 17, 19);
      boolean fraction = true;
      for (int i = 20; i < n - 1; i++) {
        fraction &= Character.isDigit(time.charAt(i));
      }
      if (year >= 0
          && month >= 1
          && month <= 12
          && day >= 1
          && day <= 31
          && hour >= 0
          && hour < 24
          && minute >= 0
          && minute < 60
          && second >= 0
          && second < 60
          && fraction) {
        try {
          return LocalDate.of(year, month, day).toEpochDay() * 86_400L
              + hour * 3_600L
              + minute * 60L
              + second;
        } catch (java.time.DateTimeException e) {
          return NO_TIME; // a day the month does not have
        }
      }
    }
    try {
      return Instant.parse(time).getEpochSecond();
    } catch (DateTimeParseException e) {
      return NO_TIME;
    }
  }

  /** The number the ASCII digits from {@code from} to {@code to} write, or -1. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * A question as the editors are shown it and the bot can be asked it again: blank ones are none,
   * spaces and control characters are single spaces, long ones are cut as a journal cuts them.
   */
  private static String shown(String question) {
    if (question == null) {
      return null;
    }
    StringBuilder text = new StringBuilder(Math.min(question.length(), 256));
    boolean gap = false;
    for (int i = 0; i < question.length(); ) {
      int c = question.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isISOControl(c) || Character.isSpaceChar(c) || Character.isWhitespace(c)) {
        gap = true;
      } else {
        if (gap && text.length() > 0) {
          text.append(' ');
        }
        gap = false;
        text.appendCodePoint(c);
      }
    }
    return text.length() == 0 ? null : Cut.atMost(text.toString(), Answerer.MAX_MESSAGE_CHARS);
  }

  private void asked(FeedbackRecord r, long at) {
    if (r.question() == null) {
      return;
    }
    asked++;
    String key = keyOf(r.question());
    boolean picked = Boolean.TRUE.equals(r.picked());
    if (!picked) {
      // A pick is the second message about a question already counted when it was clarified.
      int column =
          FeedbackRecord.DECLINED.equals(r.type())
              ? DECLINE
              : switch (r.outcome() == null ? "" : r.outcome()) {
                case "answer" -> ANSWER;
                case "clarify" -> CLARIFY;
                case "smalltalk" -> SMALLTALK;
                default -> DECLINE;
              };
      day(at)[column]++;
    }
    if (r.unanswered()) {
      unansweredCount++;
      unanswered.computeIfAbsent(key, k -> new Times(r.question())).add(at);
      return;
    }
    if (r.answerId() == null || !"answer".equals(r.outcome())) {
      return;
    }
    boolean narrow = r.confidence() != null && r.confidence() < NARROW_BELOW;
    if (picked || narrow) {
      Suggestion s =
          suggestions.computeIfAbsent(
              r.answerId() + "\u0000" + key, k -> new Suggestion(r.answerId(), r.question()));
      s.times.add(at);
      s.reasons.add(picked ? Reason.PICKED : Reason.NARROW);
    }
  }

  private void feedback(FeedbackRecord r, long at) {
    if (r.answerId() == null || r.helpful() == null) {
      return;
    }
    feedback++;
    boolean helpful = r.helpful();
    day(at)[helpful ? HELPFUL : UNHELPFUL]++;
    (helpful ? helpfulMarks : unhelpfulMarks)
        .computeIfAbsent(r.answerId(), k -> new Times(r.answerId()))
        .add(at);
    if (r.question() == null) {
      return;
    }
    String key = keyOf(r.question());
    if (!helpful) {
      unhelpfulQuestions
          .computeIfAbsent(r.answerId(), k -> new HashMap<>())
          .computeIfAbsent(key, k -> new Times(r.question()))
          .add(at);
    }
    Suggestion s = suggestions.get(r.answerId() + "\u0000" + key);
    if (s != null) {
      if (helpful) {
        s.reasons.add(Reason.HELPFUL);
      } else {
        s.contested = true;
      }
    }
  }

  private void decided(FeedbackRecord r, long at) {
    if (r.question() == null || r.decision() == null) {
      return;
    }
    decisionCount++;
    String key = keyOf(r.question());
    Decision before = decisions.get(key);
    if (before == null || before.at() <= at) {
      decisions.put(key, new Decision(r.decision(), r.answerId(), at, r.question()));
    }
  }

  private int[] day(long at) {
    return days.computeIfAbsent(Math.floorDiv(at, 86_400L), d -> new int[6]);
  }

  /**
   * The questions the bot declined or clarified since a time that no editor has decided about, most
   * asked first.
   */
  public synchronized List<Wording> unanswered(Instant since) {
    long from = since.getEpochSecond();
    List<Wording> out = new ArrayList<>();
    unanswered.forEach(
        (key, times) -> {
          if (!decisions.containsKey(key)) {
            Wording w = times.since(from);
            if (w != null) {
              out.add(w);
            }
          }
        });
    out.sort(byCountThenLatest());
    return out;
  }

  /** The entries marked unhelpful since a time, most marks first. */
  public synchronized List<Unhelpful> unhelpful(Instant since) {
    long from = since.getEpochSecond();
    List<Unhelpful> out = new ArrayList<>();
    unhelpfulMarks.forEach(
        (entryId, marks) -> {
          Wording bad = marks.since(from);
          if (bad == null) {
            return;
          }
          Times good = helpfulMarks.get(entryId);
          Wording fine = good == null ? null : good.since(from);
          List<Wording> questions = new ArrayList<>();
          unhelpfulQuestions
              .getOrDefault(entryId, Map.of())
              .values()
              .forEach(
                  t -> {
                    Wording w = t.since(from);
                    if (w != null) {
                      questions.add(w);
                    }
                  });
          questions.sort(byCountThenLatest());
          out.add(
              new Unhelpful(
                  entryId,
                  bad.count(),
                  fine == null ? 0 : fine.count(),
                  bad.lastSeen(),
                  questions));
        });
    out.sort(
        Comparator.comparingInt((Unhelpful u) -> -u.unhelpful())
            .thenComparingInt(Unhelpful::helpful)
            .thenComparing(Unhelpful::lastSeen, Comparator.reverseOrder()));
    return out;
  }

  /**
   * The questions asked since a time that seem to mean an entry (answered narrowly with it, or it
   * was picked from a "did you mean…?"), that nobody marked unhelpful and no editor decided about,
   * most asked first.
   */
  public synchronized List<Suggested> suggestions(Instant since) {
    long from = since.getEpochSecond();
    List<Suggested> out = new ArrayList<>();
    suggestions.forEach(
        (pair, s) -> {
          String key = pair.substring(pair.indexOf('\u0000') + 1);
          if (s.contested || decisions.containsKey(key)) {
            return;
          }
          Wording w = s.times.since(from);
          if (w != null) {
            out.add(
                new Suggested(
                    s.entryId, w, Collections.unmodifiableSet(EnumSet.copyOf(s.reasons))));
          }
        });
    out.sort(
        Comparator.comparingInt((Suggested s) -> -s.reasons().size())
            .thenComparing(Suggested::wording, byCountThenLatest()));
    return out;
  }

  /**
   * Every day from {@code first} to {@code last} (UTC), oldest first, days with nothing included.
   */
  public synchronized List<Day> traffic(LocalDate first, LocalDate last) {
    List<Day> out = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      int[] c = days.getOrDefault(d.toEpochDay(), new int[6]);
      out.add(
          new Day(
              d.toString(),
              c[ANSWER],
              c[CLARIFY],
              c[DECLINE],
              c[SMALLTALK],
              c[HELPFUL],
              c[UNHELPFUL]));
    }
    return out;
  }

  /** The questions editors said need a new entry, most asked first. */
  public synchronized List<NewEntry> newEntries() {
    List<NewEntry> out = new ArrayList<>();
    decisions.forEach(
        (key, d) -> {
          if (!FeedbackRecord.NEW_ENTRY.equals(d.decision())) {
            return;
          }
          Times times = unanswered.get(key);
          Wording w = times == null ? null : times.since(Long.MIN_VALUE);
          out.add(
              w == null
                  ? new NewEntry(d.question(), 0, null, null, iso(d.at()))
                  : new NewEntry(
                      w.question(), w.count(), w.firstSeen(), w.lastSeen(), iso(d.at())));
        });
    out.sort(
        Comparator.comparingInt((NewEntry e) -> -e.count())
            .thenComparing(NewEntry::decided, Comparator.reverseOrder()));
    return out;
  }

  public synchronized Totals totals() {
    return new Totals(records, asked, unansweredCount, feedback, decisionCount);
  }

  private static Comparator<Wording> byCountThenLatest() {
    return Comparator.comparingInt((Wording w) -> -w.count())
        .thenComparing(Wording::lastSeen, Comparator.reverseOrder())
        .thenComparing(Wording::question);
  }

  private static String iso(long epochSecond) {
    return Instant.ofEpochSecond(epochSecond).toString();
  }
}
