package faqbot.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LedgerTest {
  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private static final Instant LONG_AGO = Instant.EPOCH;

  private static FeedbackRecord asked(
      String time, String question, String outcome, String id, double confidence) {
    return new FeedbackRecord(
        FeedbackRecord.ASKED, time, question, id, null, "web", outcome, confidence, null, null);
  }

  private static FeedbackRecord picked(String time, String question, String id) {
    return new FeedbackRecord(
        FeedbackRecord.ASKED, time, question, id, null, "web", "answer", 1.0, true, null);
  }

  private static FeedbackRecord verdict(String time, String question, String id, boolean helpful) {
    return new FeedbackRecord(
        FeedbackRecord.FEEDBACK, time, question, id, helpful, "web", null, null, null, null);
  }

  private static FeedbackRecord decided(String time, String question, String decision) {
    return new FeedbackRecord(
        FeedbackRecord.DECISION,
        time,
        question,
        null,
        null,
        FeedbackRecord.EDITORS,
        null,
        null,
        null,
        decision);
  }

  @Test
  void unansweredQuestionsAreToldApartByTheirWordsOnlyAndCountedInTheirWindow() {
    Ledger ledger = new Ledger();
    ledger.add(asked("2026-12-01T10:00:00Z", "Who funds AI safety?", "decline", null, 0.1));
    ledger.add(asked("2026-12-05T10:00:00Z", "who funds ai safety", "clarify", null, 0.5));
    // A journal from before every question was kept.
    ledger.add(FeedbackRecord.declined("WHO FUNDS AI SAFETY!!", "web"));
    ledger.add(asked("2026-10-01T10:00:00Z", "what is foom", "decline", null, 0.1));
    ledger.add(asked("2026-12-05T11:00:00Z", "what is inner alignment", "answer", "ia", 0.99));

    assertThat(ledger.unanswered(Instant.parse("2026-11-06T00:00:00Z")))
        .extracting(Ledger.Wording::question, Ledger.Wording::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Who funds AI safety?", 3));
    assertThat(ledger.unanswered(LONG_AGO)).hasSize(2);
    assertThat(ledger.unanswered(LONG_AGO).get(0).firstSeen()).isEqualTo("2026-12-01T10:00:00Z");
  }

  @Test
  void eachDayCountsItsQuestionsByOutcomeAndItsVerdicts() {
    Ledger ledger = new Ledger();
    ledger.add(asked("2026-12-05T10:00:00Z", "a", "answer", "x", 0.9));
    ledger.add(asked("2026-12-05T23:59:59Z", "b", "clarify", null, 0.5));
    ledger.add(asked("2026-12-06T00:00:00Z", "c", "decline", null, 0.1));
    ledger.add(asked("2026-12-06T00:00:01Z", "hi", "smalltalk", null, 0));
    // The pick is the same question's second message: not counted again.
    ledger.add(picked("2026-12-06T00:00:02Z", "b", "x"));
    ledger.add(verdict("2026-12-06T00:00:03Z", "a", "x", true));
    ledger.add(verdict("2026-12-06T00:00:04Z", "a", "x", false));

    assertThat(ledger.traffic(LocalDate.parse("2026-12-04"), LocalDate.parse("2026-12-06")))
        .containsExactly(
            new Ledger.Day("2026-12-04", 0, 0, 0, 0, 0, 0),
            new Ledger.Day("2026-12-05", 1, 1, 0, 0, 0, 0),
            new Ledger.Day("2026-12-06", 0, 0, 1, 1, 1, 1));
  }

  @Test
  void unhelpfulAnswersListTheQuestionsThatLedToThem() {
    Ledger ledger = new Ledger();
    ledger.add(verdict("2026-12-05T10:00:00Z", "is ai dangerous", "evals", false));
    ledger.add(verdict("2026-12-05T11:00:00Z", "Is AI dangerous?", "evals", false));
    ledger.add(verdict("2026-12-05T12:00:00Z", "what are evals", "evals", true));
    ledger.add(verdict("2026-12-05T12:00:00Z", "what is x", "x", true));

    assertThat(ledger.unhelpful(LONG_AGO))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.entryId()).isEqualTo("evals");
              assertThat(u.unhelpful()).isEqualTo(2);
              assertThat(u.helpful()).isEqualTo(1);
              assertThat(u.questions())
                  .extracting(Ledger.Wording::question, Ledger.Wording::count)
                  .containsExactly(org.assertj.core.groups.Tuple.tuple("is ai dangerous", 2));
            });
  }

  @Test
  void narrowAnswersAndPicksAreSuggestedUnlessMarkedUnhelpful() {
    Ledger ledger = new Ledger();
    ledger.add(asked("2026-12-05T10:00:00Z", "what's mesa optimization", "answer", "ia", 0.75));
    ledger.add(verdict("2026-12-05T10:01:00Z", "what's mesa optimization", "ia", true));
    ledger.add(picked("2026-12-05T11:00:00Z", "ai lying in training", "deceptive"));
    ledger.add(asked("2026-12-05T12:00:00Z", "is ai dangerous", "answer", "evals", 0.8));
    ledger.add(verdict("2026-12-05T12:01:00Z", "is ai dangerous", "evals", false));
    ledger.add(asked("2026-12-05T13:00:00Z", "what is inner alignment", "answer", "ia", 0.99));

    assertThat(ledger.suggestions(LONG_AGO))
        .extracting(s -> s.entryId() + ": " + s.wording().question() + " " + s.reasons())
        .containsExactly(
            "ia: what's mesa optimization "
                + java.util.EnumSet.of(Ledger.Reason.NARROW, Ledger.Reason.HELPFUL),
            "deceptive: ai lying in training " + java.util.EnumSet.of(Ledger.Reason.PICKED));
  }

  @Test
  void whatAnEditorDecidedDoesNotComeBackAndNewEntriesAreListed() {
    Ledger ledger = new Ledger();
    ledger.add(asked("2026-12-05T10:00:00Z", "who funds ai safety", "decline", null, 0.1));
    ledger.add(asked("2026-12-05T11:00:00Z", "Who funds AI safety?", "decline", null, 0.1));
    ledger.add(asked("2026-12-05T12:00:00Z", "what is foom", "decline", null, 0.1));
    ledger.add(picked("2026-12-05T13:00:00Z", "ai lying in training", "deceptive"));
    ledger.add(decided("2026-12-05T14:00:00Z", "who funds ai safety", FeedbackRecord.NEW_ENTRY));
    ledger.add(decided("2026-12-05T14:00:00Z", "what is foom", FeedbackRecord.DISMISS));
    ledger.add(decided("2026-12-05T14:00:00Z", "AI lying in training", FeedbackRecord.DISMISS));

    assertThat(ledger.unanswered(LONG_AGO)).isEmpty();
    assertThat(ledger.suggestions(LONG_AGO)).isEmpty();
    assertThat(ledger.newEntries())
        .containsExactly(
            new Ledger.NewEntry(
                "who funds ai safety",
                2,
                "2026-12-05T10:00:00Z",
                "2026-12-05T11:00:00Z",
                "2026-12-05T14:00:00Z"));
    assertThat(ledger.totals()).isEqualTo(new Ledger.Totals(7, 4, 3, 0, 3));
  }

  @Test
  void aRecordWithoutAReadableTimeIsLeftOut() {
    Ledger ledger = new Ledger();
    ledger.add(asked("yesterday", "who funds ai safety", "decline", null, 0.1));
    ledger.add(asked(null, "who funds ai safety", "decline", null, 0.1));
    assertThat(ledger.unanswered(LONG_AGO)).isEmpty();
    assertThat(ledger.totals().records()).isZero();
    assertThat(NOW).isAfter(LONG_AGO);
  }

  @Test
  void timeStampsAreReadAsTheGeneralParserReadsThem() {
    for (String time :
        java.util.List.of(
            "2026-12-06T14:07:09.449454423Z",
            "2026-12-06T14:07:09Z",
            "1999-02-28T23:59:59.5Z",
            "2024-02-29T00:00:00.000Z")) {
      assertThat(Ledger.epochSecond(time)).as(time).isEqualTo(Instant.parse(time).getEpochSecond());
    }
    for (String bad :
        java.util.List.of(
            "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-12-06T10:60:00Z", "2026-12-06")) {
      assertThat(Ledger.epochSecond(bad)).as(bad).isEqualTo(Long.MIN_VALUE);
    }
  }
}
