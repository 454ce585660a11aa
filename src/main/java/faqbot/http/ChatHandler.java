package faqbot.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import faqbot.answer.Answer;
import faqbot.answer.Answerer;
import faqbot.answer.Json;
import faqbot.answer.Scope;
import faqbot.feedback.Journal;
import faqbot.feedback.QuestionLog;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * {@code POST /api/chat}: answers {@code {"message": "…", "context": "…"?, "tags": […]?}} with the
 * best entry (of those with one of the tags, when given), or the closest questions. {@code context}
 * is the token of the previous answer, for follow-ups.
 *
 * <p>A question already in the answerer's cache is answered at once, without waiting for a turn at
 * the bounded answering work, from JSON kept for it; only questions that need the model queue.
 */
final class ChatHandler {
  private static final ObjectMapper JSON = Json.mapper();

  /** About how many bytes of answers' JSON are kept; an answer's is a few KB. */
  private static final long SERIALIZED_BYTES = 8L << 20;

  /** The cache of answers' JSON, by this name in the metrics. */
  static final String CACHE_NAME = "answer_json";

  private final Backend backend;
  private final HttpMetrics metrics;
  private final QuestionLog questions;
  private final Limits.Enforcer limits;

  /**
   * The JSON of recent answers, reused while the answerer hands back the very same answer object
   * for a question it has cached (however it was spelt). Weak keys compare by identity, and let an
   * entry go as soon as the answerer's own cache lets its answer go, so no time limit is needed: a
   * kept JSON is never stale.
   */
  private final Cache<Answer, byte[]> serialized =
      Caffeine.newBuilder()
          .weakKeys()
          .maximumWeight(SERIALIZED_BYTES)
          .<Answer, byte[]>weigher((answer, json) -> json.length)
          .recordStats()
          .build();

  ChatHandler(Backend backend, HttpMetrics metrics, Journal journal, Limits.Enforcer limits) {
    this.backend = backend;
    this.metrics = metrics;
    this.questions = new QuestionLog(journal);
    this.limits = limits;
    metrics.cache(CACHE_NAME, serialized);
  }

  void handle(Context ctx) throws Exception {
    JsonNode body = JsonBodies.object(ctx);
    String message = JsonBodies.requiredString(body, "message");
    String context = JsonBodies.optionalString(body, "context");
    Scope scope = Scope.tagged(JsonBodies.optionalTags(body));
    Optional<Answer> cached =
        context == null ? backend.answerer().cached(message, scope) : Optional.empty();
    if (cached.isPresent()) {
      respond(ctx, message, null, cached.get(), true);
      return;
    }
    // Only an answer to a message on its own is kept by the answerer, and so comes back as the same
    // object.
    boolean reusable = context == null || context.isBlank();
    limits
        .bounded(
            c ->
                respond(
                    c,
                    message,
                    context,
                    backend.answerer().answer(message, context, scope),
                    reusable))
        .handle(ctx);
  }

  private void respond(
      Context ctx, String message, String context, Answer answer, boolean reusable) {
    metrics.answer(answer);
    questions.asked(message, Answerer.clarifiedBy(message, context), answer, QuestionLog.WEB);
    byte[] json = reusable ? serialized.get(answer, ChatHandler::json) : json(answer);
    ctx.contentType("application/json").result(json);
  }

  private static byte[] json(Answer answer) {
    try {
      return JSON.writeValueAsBytes(answer);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
