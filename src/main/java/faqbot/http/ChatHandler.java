package faqbot.http;

import com.fasterxml.jackson.databind.JsonNode;
import faqbot.answer.Answer;
import io.javalin.http.Context;

/**
 * {@code POST /api/chat}: answers {@code {"message": "…", "context": "…"?}} with the best entry, or the closest
 * questions. {@code context} is the token of the previous answer, for follow-ups.
 */
final class ChatHandler {
  /** The channel declined questions asked over the API (and so from the widget) are recorded under. */
  static final String CHANNEL = "web";
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChatHandler.class);

  private final Backend backend;
  private final HttpMetrics metrics;
  private final faqbot.feedback.Journal journal;

  ChatHandler(Backend backend, HttpMetrics metrics, faqbot.feedback.Journal journal) {
    this.backend = backend;
    this.metrics = metrics;
    this.journal = journal;
  }

  void handle(Context ctx) {
    JsonNode body = JsonBodies.object(ctx);
    String message = JsonBodies.requiredString(body, "message");
    Answer answer = backend.answerer().answer(message, JsonBodies.optionalString(body, "context"));
    metrics.answer(answer);
    if (!answer.matched()) {
      // Editors learn from these what to write next; losing one costs the asker nothing, so it does not fail the reply.
      try {
        journal.append(faqbot.feedback.FeedbackRecord.declined(message, CHANNEL));
      } catch (java.io.IOException e) {
        LOG.warn("could not journal a declined question: {}", e.toString());
      }
    }
    ctx.json(answer);
  }
}
