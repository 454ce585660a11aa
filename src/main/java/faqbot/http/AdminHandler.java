package faqbot.http;

import faqbot.app.Bot;
import faqbot.corpus.CorpusProblem;
import faqbot.index.BuildReport;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /admin/reload}: reads the corpus again and swaps in a fresh index now, for operators
 * whose corpus changes where the server cannot watch it. Requires {@code Authorization: Bearer
 * <admin token>}.
 */
final class AdminHandler {
  private final Backend backend;
  private final byte[] token;

  AdminHandler(Backend backend, String token) {
    this.backend = backend;
    this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  record Reloaded(
      boolean reloaded,
      int entries,
      int vectors,
      int embedded,
      long millis,
      List<String> problems) {}

  void reload(Context ctx) {
    String given = ctx.header("Authorization");
    // Constant time, so the token cannot be guessed a character at a time.
    if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiException(
          401,
          "this route needs 'Authorization: Bearer <admin token>'",
          Map.of("WWW-Authenticate", "Bearer"));
    }
    Bot bot =
        backend
            .bot()
            .orElseThrow(
                () ->
                    backend.isReady()
                        ? new ApiException(409, "this server has no corpus folder to reload")
                        : new ApiException(
                            503,
                            "the FAQ index is still being built; try again in a few seconds",
                            Map.of("Retry-After", Backend.RETRY_AFTER_STARTING)));
    BuildReport report;
    try {
      report = bot.reindex();
    } catch (RuntimeException e) {
      throw new ApiException(
          500, "the reload failed and the previous index keeps serving: " + e.getMessage());
    }
    ctx.json(
        new Reloaded(
            true,
            report.entries(),
            report.vectors(),
            report.embedded(),
            report.millis(),
            report.problems().stream().map(CorpusProblem::toString).toList()));
  }
}
