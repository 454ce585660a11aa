package faqbot.http;

import com.fasterxml.jackson.databind.JsonNode;
import faqbot.answer.Answerer;
import io.javalin.http.Context;

/**
 * {@code POST /api/chat}: answers {@code {"message": "…", "context": "…"?}} with the best entry, or the closest
 * questions. {@code context} is the token of the previous answer, for follow-ups.
 */
final class ChatHandler {
  private final Answerer answerer;

  ChatHandler(Answerer answerer) {
    this.answerer = answerer;
  }

  void handle(Context ctx) {
    JsonNode body = JsonBodies.object(ctx);
    ctx.json(answerer.answer(JsonBodies.requiredString(body, "message"), JsonBodies.optionalString(body, "context")));
  }
}
