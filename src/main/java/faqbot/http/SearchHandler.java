package faqbot.http;

import faqbot.answer.Candidate;
import io.javalin.http.Context;
import java.util.List;

/** {@code GET /api/search?q=…&limit=…}: the best-matching entries, best first. */
final class SearchHandler {
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 50;

  private final Backend backend;

  SearchHandler(Backend backend) {
    this.backend = backend;
  }

  record Result(String id, String question, double confidence) {}

  record Results(String query, List<Result> results) {}

  void handle(Context ctx) {
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      throw new ApiException(400, "the query parameter 'q' is missing or empty");
    }
    int limit = limit(ctx.queryParam("limit"));
    List<Result> results =
        backend.answerer().search(q, limit).stream()
            .map((Candidate c) -> new Result(c.entry().id(), c.entry().question(), c.confidence()))
            .toList();
    ctx.json(new Results(q, results));
  }

  static int limit(String raw) {
    return QueryParams.limit(raw, DEFAULT_LIMIT, MAX_LIMIT);
  }
}
