package faqbot.http;

import faqbot.answer.Candidate;
import faqbot.answer.Scope;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /api/search?q=…&limit=…&tags=…}: the best-matching entries (of those with one of the
 * tags, when given: comma-separated or repeated), best first.
 */
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
        backend.answerer().search(q, limit, Scope.tagged(tags(ctx.queryParams("tags")))).stream()
            .map((Candidate c) -> new Result(c.entry().id(), c.entry().question(), c.confidence()))
            .toList();
    ctx.json(new Results(q, results));
  }

  static List<String> tags(List<String> raw) {
    return JsonBodies.checkedTags(raw.stream().flatMap(t -> Arrays.stream(t.split(","))).toList());
  }

  static int limit(String raw) {
    return QueryParams.limit(raw, DEFAULT_LIMIT, MAX_LIMIT);
  }
}
