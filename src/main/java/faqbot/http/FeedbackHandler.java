package faqbot.http;

import com.fasterxml.jackson.databind.JsonNode;
import faqbot.answer.Answerer;
import faqbot.feedback.FeedbackRecord;
import faqbot.feedback.Journal;
import faqbot.feedback.QuestionLog;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/feedback}: a reader's verdict on an answer, {@code {"answerId": "…", "helpful":
 * true|false, "question": "…"?}}, appended to the journal. Answers 201 only once the journal says
 * the record is durable.
 */
final class FeedbackHandler {
  /** The longest question kept with a verdict; the same limit as a chat message. */
  static final int MAX_QUESTION_CHARS = Answerer.MAX_MESSAGE_CHARS;

  private static final Logger LOG = LoggerFactory.getLogger(FeedbackHandler.class);

  private final Backend backend;
  private final Journal journal;
  private final HttpMetrics metrics;

  FeedbackHandler(Backend backend, Journal journal, HttpMetrics metrics) {
    this.backend = backend;
    this.journal = journal;
    this.metrics = metrics;
  }

  record Recorded(boolean recorded) {}

  void handle(Context ctx) {
    JsonNode body = JsonBodies.object(ctx);
    String answerId = JsonBodies.requiredString(body, "answerId");
    if (backend.answerer().entry(answerId).isEmpty()) {
      throw new ApiException(
          400, "\"answerId\" '" + shorten(answerId) + "' is not the id of any entry");
    }
    JsonNode helpful = body.get("helpful");
    if (helpful == null || helpful.isNull()) {
      throw new ApiException(400, "\"helpful\" is missing; send true or false");
    }
    if (!helpful.isBoolean()) {
      throw new ApiException(
          400,
          "\"helpful\" must be true or false, got "
              + helpful.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    String question = JsonBodies.optionalString(body, "question");
    if (question != null && question.length() > MAX_QUESTION_CHARS) {
      throw new ApiException(
          400,
          "\"question\" is "
              + question.length()
              + " characters long; it may be 0 to "
              + MAX_QUESTION_CHARS);
    }
    try {
      journal.append(
          FeedbackRecord.feedback(question, answerId, helpful.booleanValue(), QuestionLog.WEB));
    } catch (IOException e) {
      LOG.error("cannot append feedback to the journal", e);
      throw new ApiException(503, "the feedback cannot be recorded right now; try again later");
    }
    metrics.feedback(helpful.booleanValue());
    ctx.status(201).json(new Recorded(true));
  }

  private static String shorten(String value) {
    return value.length() <= 100 ? value : value.substring(0, 100) + "…";
  }
}
