package faqbot.http;

import com.fasterxml.jackson.databind.JsonNode;
import faqbot.app.Bot;
import faqbot.app.PhrasingRefusedException;
import faqbot.corpus.CorpusProblem;
import faqbot.index.BuildReport;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The editors' and operators' routes, each requiring {@code Authorization: Bearer <admin token>}:
 *
 * <ul>
 *   <li>{@code POST /admin/reload} reads the corpus again and swaps in a fresh index now, for
 *       operators whose corpus changes where the server cannot watch it;
 *   <li>{@code POST /admin/phrasings} {@code {"entryId", "phrasing"}} adds a phrasing to an entry
 *       in the phrasings file beside the corpus, and answers 201 once it is on disk and served.
 * </ul>
 */
final class AdminHandler {
  private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);

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

  record PhrasingAdded(boolean added, String entryId, String phrasing, String file) {}

  void authorize(Context ctx) {
    String given = ctx.header("Authorization");
    // Constant time, so the token cannot be guessed a character at a time.
    if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiException(
          401,
          "this route needs 'Authorization: Bearer <admin token>'",
          Map.of("WWW-Authenticate", "Bearer"));
    }
  }

  /** The handler, behind the admin token. */
  Handler authorized(Handler handler) {
    return ctx -> {
      authorize(ctx);
      handler.handle(ctx);
    };
  }

  private Bot bot() {
    return backend
        .bot()
        .orElseThrow(
            () ->
                backend.isReady()
                    ? new ApiException(409, "this server has no corpus to change")
                    : new ApiException(
                        503,
                        "the FAQ index is still being built; try again in a few seconds",
                        Map.of("Retry-After", Backend.RETRY_AFTER_STARTING)));
  }

  void phrasings(Context ctx) {
    authorize(ctx);
    JsonNode body = JsonBodies.object(ctx);
    String entryId = JsonBodies.requiredString(body, "entryId");
    String phrasing = JsonBodies.requiredString(body, "phrasing");
    if (entryId.isBlank()) {
      throw new ApiException(400, "\"entryId\" is empty");
    }
    Bot bot = bot();
    Bot.PhrasingAdded added;
    try {
      added = bot.addPhrasing(entryId, phrasing);
    } catch (PhrasingRefusedException e) {
      int status =
          switch (e.reason()) {
            case INVALID -> 400;
            case UNKNOWN_ENTRY -> 404;
            case TAKEN -> 409;
          };
      throw new ApiException(status, e.getMessage());
    } catch (UncheckedIOException e) {
      LOG.error("adding a phrasing to {} failed", entryId, e);
      throw new ApiException(503, "the phrasing cannot be written now; try again later");
    } catch (RuntimeException e) {
      LOG.error("adding a phrasing to {} failed", entryId, e);
      throw new ApiException(500, "the phrasing could not be added and served: " + e.getMessage());
    }
    ctx.status(added.added() ? 201 : 200)
        .json(new PhrasingAdded(added.added(), added.entryId(), added.phrasing(), added.file()));
  }

  void reload(Context ctx) {
    authorize(ctx);
    Bot bot = bot();
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
