package faqbot.http;

import faqbot.app.Bot;
import faqbot.feedback.Journal;
import io.javalin.Javalin;
import java.util.List;

/** Starts the HTTP app for tests on a bot that is ready, on a free port. */
final class ReadyApp {
  private ReadyApp() {}

  /**
   * The app answering from {@code bot}, writing to {@code journal}, with the editors' {@code
   * token}, no allowed origins or Slack settings, and no rate limit (tests ask from one address).
   */
  static Javalin start(Bot bot, Journal journal, String token) {
    Backend backend = Backend.starting();
    backend.ready(bot);
    return HttpApp.create(
            backend,
            new HttpOptions(List.of(), List.of(), journal, Limits.defaults().withRate(0), token))
        .start(0);
  }
}
