package faqbot.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import faqbot.answer.Answerer;
import faqbot.text.Cut;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * One line of the journal: a question and what the bot did with it, a reader's verdict on an
 * answer, or an editor's decision about a question.
 *
 * @param type {@link #ASKED}, {@link #FEEDBACK} or {@link #DECISION}; journals written before every
 *     question was kept hold {@link #DECLINED} for the questions the bot did not answer
 * @param time when, as an ISO-8601 instant
 * @param question the question asked (for feedback: the message that got the answer; for a pick
 *     from a "did you mean…?": the question that was clarified), or null
 * @param answerId the entry shown, judged or meant, or null
 * @param helpful the verdict (feedback only), or null
 * @param channel where it came from: {@link QuestionLog#WEB}, {@link QuestionLog#SLACK} or {@link
 *     #EDITORS} (journals written before that also hold {@code "widget"} for the web)
 * @param outcome what the bot did (asked only): {@code answer}, {@code clarify}, {@code decline} or
 *     {@code smalltalk}
 * @param confidence the bot's confidence in its best entry (asked only)
 * @param picked true when the person picked the entry from the bot's "did you mean…?" (asked only)
 * @param decision an editor's decision (decision only): {@link #DISMISS}, {@link #NEW_ENTRY} or
 *     {@link #PHRASING}
 */
public record FeedbackRecord(
    String type,
    String time,
    String question,
    String answerId,
    Boolean helpful,
    String channel,
    String outcome,
    Double confidence,
    Boolean picked,
    String decision) {

  public static final String ASKED = "asked";
  public static final String FEEDBACK = "feedback";
  public static final String DECISION = "decision";

  /** Kept by journals written before every question was: a question the bot did not answer. */
  public static final String DECLINED = "declined";

  /** The channel of an editor's decision. */
  public static final String EDITORS = "editors";

  public static final String DISMISS = "dismiss";
  public static final String NEW_ENTRY = "new-entry";
  public static final String PHRASING = "phrasing";

  public static FeedbackRecord feedback(
      String question, String answerId, boolean helpful, String channel) {
    return new FeedbackRecord(
        FEEDBACK,
        Instant.now().toString(),
        question,
        answerId,
        helpful,
        channel,
        null,
        null,
        null,
        null);
  }

  /** A question and what the bot did with it. */
  public static FeedbackRecord asked(
      String question,
      String outcome,
      String answerId,
      double confidence,
      boolean picked,
      String channel) {
    return new FeedbackRecord(
        ASKED,
        Instant.now().toString(),
        question,
        answerId,
        null,
        channel,
        outcome,
        confidence,
        picked ? Boolean.TRUE : null,
        null);
  }

  /**
   * An editor's decision about a question: dismissed, needs a new entry, or added as a phrasing.
   */
  public static FeedbackRecord decision(String question, String decision, String answerId) {
    return new FeedbackRecord(
        DECISION,
        Instant.now().toString(),
        question,
        answerId,
        null,
        EDITORS,
        null,
        null,
        null,
        decision);
  }

  /** A question the bot declined, as journals kept it before every question was kept. */
  public static FeedbackRecord declined(String question, String channel) {
    return new FeedbackRecord(
        DECLINED, Instant.now().toString(), question, null, null, channel, null, null, null, null);
  }

  /** The longest question a journal keeps: a record stays one short line. */
  public static final int MAX_QUESTION_CHARS = Answerer.MAX_MESSAGE_CHARS;

  /** How every journal writes and reads a record: null fields left out, unknown ones skipped. */
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          // A journal written by a newer version still reads.
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static final ObjectReader READER = JSON.readerFor(FeedbackRecord.class);

  /** The record as a journal keeps it: one line of JSON (no line break), its question cut. */
  public String toJson() {
    FeedbackRecord bounded =
        question != null && question.length() > MAX_QUESTION_CHARS
            ? withQuestion(Cut.atMost(question, MAX_QUESTION_CHARS))
            : this;
    try {
      return JSON.writeValueAsString(bounded);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A record read from a journal's JSON; null for the JSON {@code null}. */
  public static FeedbackRecord fromJson(String json) throws IOException {
    return READER.readValue(json);
  }

  /** A record read from part of a journal's bytes (UTF-8 JSON). */
  public static FeedbackRecord fromJson(byte[] bytes, int offset, int length) throws IOException {
    return READER.readValue(bytes, offset, length);
  }

  /** The same record with another question (a shortened one). */
  public FeedbackRecord withQuestion(String newQuestion) {
    if (java.util.Objects.equals(newQuestion, question)) {
      return this;
    }
    return new FeedbackRecord(
        type, time, newQuestion, answerId, helpful, channel, outcome, confidence, picked, decision);
  }

  /** Whether this is a question the bot declined or clarified, in either the old or new form. */
  public boolean unanswered() {
    return DECLINED.equals(type)
        || (ASKED.equals(type) && ("decline".equals(outcome) || "clarify".equals(outcome)));
  }
}
