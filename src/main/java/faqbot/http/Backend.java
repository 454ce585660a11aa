package faqbot.http;

import faqbot.answer.Answerer;
import faqbot.app.Bot;
import java.util.Map;
import java.util.Optional;

/**
 * The bot the HTTP face answers with. A server starts listening before its index is open (a first
 * build can take a while); until {@link #ready} is called, requests that need the bot get 503 with
 * Retry-After, while {@code /health} answers and {@code /ready} says false.
 */
public final class Backend {
  /** How long a client is told to wait while the index is being opened. */
  static final String RETRY_AFTER_STARTING = "5";

  private final Answerer fixed;
  private volatile Bot bot;

  private Backend(Answerer fixed) {
    this.fixed = fixed;
  }

  /** A backend that is ready at once, with an answerer and no reloadable bot (tests, tools). */
  public static Backend of(Answerer answerer) {
    return new Backend(answerer);
  }

  /** A backend that is not ready until {@link #ready} is given the opened bot. */
  public static Backend starting() {
    return new Backend(null);
  }

  public void ready(Bot opened) {
    this.bot = opened;
  }

  public boolean isReady() {
    return fixed != null || bot != null;
  }

  /**
   * The answerer.
   *
   * @throws ApiException 503 with Retry-After while the index is still being opened
   */
  public Answerer answerer() {
    if (fixed != null) {
      return fixed;
    }
    Bot opened = bot;
    if (opened == null) {
      throw new ApiException(
          503,
          "the FAQ index is still being built; try again in a few seconds",
          Map.of("Retry-After", RETRY_AFTER_STARTING));
    }
    return opened.answerer();
  }

  /** The bot, when this backend has one and it is open: for reloads and their status. */
  public Optional<Bot> bot() {
    return Optional.ofNullable(bot);
  }
}
