package faqbot.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.answer.Answer;
import faqbot.answer.Json;
import faqbot.feedback.QuestionLog;
import faqbot.feedback.Journal;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/chat}: answers {@code {"message": "…", "context": "…"?}} with the best entry, or the closest
 * questions. {@code context} is the token of the previous answer, for follow-ups.
 *
 * <p>A question already in the answerer's cache is answered at once, without waiting for a turn at the bounded
 * answering work, from JSON kept for it; only questions that need the model queue.
 */
final class ChatHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ChatHandler.class);
  private static final ObjectMapper JSON = Json.mapper();
  private static final int SERIALIZED = 1024;

  private final Backend backend;
  private final HttpMetrics metrics;
  private final QuestionLog questions;
  private final Limits.Enforcer limits;
  /** The JSON of recent answers, reused while the answerer hands back the very same answer object. */
  private final Map<String, Serialized> serialized = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Serialized> eldest) {
      return size() > SERIALIZED;
    }
  };

  private record Serialized(Answer answer, byte[] json) {}

  ChatHandler(Backend backend, HttpMetrics metrics, Journal journal, Limits.Enforcer limits) {
    this.backend = backend;
    this.metrics = metrics;
    this.questions = new QuestionLog(journal);
    this.limits = limits;
  }

  void handle(Context ctx) throws Exception {
    JsonNode body = JsonBodies.object(ctx);
    String message = JsonBodies.requiredString(body, "message");
    String context = JsonBodies.optionalString(body, "context");
    Optional<Answer> cached = context == null ? backend.answerer().cached(message) : Optional.empty();
    if (cached.isPresent()) {
      respond(ctx, message, cached.get());
      return;
    }
    limits.bounded(c -> respond(c, message, backend.answerer().answer(message, context))).handle(ctx);
  }

  private void respond(Context ctx, String message, Answer answer) throws JsonProcessingException {
    metrics.answer(answer);
    questions.asked(message, answer, QuestionLog.WEB);
    byte[] json = json(message, answer);
    ctx.contentType("application/json").result(json);
  }

  private byte[] json(String message, Answer answer) throws JsonProcessingException {
    synchronized (serialized) {
      Serialized known = serialized.get(message);
      if (known != null && known.answer() == answer) {
        return known.json();
      }
    }
    byte[] json = JSON.writeValueAsBytes(answer);
    synchronized (serialized) {
      serialized.put(message, new Serialized(answer, json));
    }
    return json;
  }
}
