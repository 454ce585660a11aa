package faqbot.http;

import faqbot.answer.Answerer;
import faqbot.index.Suggestion;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /api/suggest?q=…&limit=…}: questions to offer while the user types, at most one per
 * entry.
 */
final class SuggestHandler {
  static final int DEFAULT_LIMIT = 5;
  static final int MAX_LIMIT = 10;

  private final Backend backend;

  SuggestHandler(Backend backend) {
    this.backend = backend;
  }

  record Suggestions(String query, List<Suggestion> suggestions) {}

  void handle(Context ctx) {
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      throw new ApiException(400, "the query parameter 'q' is missing or empty");
    }
    if (q.length() > Answerer.MAX_MESSAGE_CHARS) {
      throw new ApiException(
          400,
          "'q' is "
              + q.length()
              + " characters long; it may be 1 to "
              + Answerer.MAX_MESSAGE_CHARS);
    }
    int limit = limit(ctx.queryParam("limit"));
    ctx.json(new Suggestions(q, backend.answerer().suggest(q, limit)));
  }

  static int limit(String raw) {
    return QueryParams.limit(raw, DEFAULT_LIMIT, MAX_LIMIT);
  }
}
