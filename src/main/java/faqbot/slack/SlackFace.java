package faqbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faqbot.answer.Answerer;
import faqbot.answer.InvalidMessageException;
import faqbot.feedback.Journal;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack face: a slash command ({@value #COMMANDS}), the Events API ({@value #EVENTS}: mentions
 * of the app and direct messages to it) and button clicks ({@value #INTERACTIONS}), registered as
 * routes on the HTTP server.
 *
 * <p>Every request is verified against the signing secret before anything in it is read, and
 * refused with an empty 401 otherwise. Slack wants an acknowledgement within three seconds, so
 * requests are acknowledged at once and answered by the {@link Responder} on a small bounded pool
 * of {@link Workers}; when that is full the bot says it is busy rather than queueing without end.
 * Which events are answered is the {@link EventFilter}'s call, and votes go to {@link
 * FeedbackButtons}.
 */
public final class SlackFace implements AutoCloseable {
  public static final String COMMANDS = "/slack/commands";
  public static final String EVENTS = "/slack/events";
  public static final String INTERACTIONS = "/slack/interactions";

  /** The channel name feedback from Slack is journalled under. */
  public static final String CHANNEL = "slack";

  /**
   * How long {@link #close} waits for answers being worked on or waiting for a worker: enough for a
   * few answers and Slack's replies, within the grace a stopping server usually gets before it is
   * killed.
   */
  public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  /**
   * How long an event id is remembered: longer than Slack goes on retrying (about five minutes).
   */
  public static final Duration DEDUPE_TTL = Duration.ofMinutes(30);

  static final int DEDUPE_CAPACITY = 20_000;

  private static final Logger LOG = LoggerFactory.getLogger(SlackFace.class);

  private final ObjectMapper json = new ObjectMapper();
  private final RequestVerifier verifier;
  private final SlackClient client;
  private final EventFilter events;
  private final Workers workers;
  private final Responder responder;
  private final FeedbackButtons feedback;

  SlackFace(SlackSettings settings, Answerer answerer, Journal journal, Clock clock) {
    this(settings, () -> answerer, journal, clock, UnaryOperator.identity());
  }

  SlackFace(SlackSettings settings, Supplier<Answerer> answerer, Journal journal, Clock clock) {
    this(settings, answerer, journal, clock, UnaryOperator.identity());
  }

  /**
   * @param seenIds given this process's memory of the event ids seen recently (true for an id seen
   *     for the first time), what decides instead: a store the replicas share, falling back to it
   */
  SlackFace(
      SlackSettings settings,
      Supplier<Answerer> answerer,
      Journal journal,
      Clock clock,
      UnaryOperator<Predicate<String>> seenIds) {
    Journal journalOrNone = journal == null ? Journal.NONE : journal;
    SlackMessages messages = new SlackMessages(json, settings);
    this.verifier = new RequestVerifier(settings.signingSecret(), clock);
    this.client = new SlackClient(settings, json);
    this.events =
        new EventFilter(
            settings.botUserId(),
            seenIds.apply(new RecentIds(DEDUPE_CAPACITY, DEDUPE_TTL, clock)::firstTime));
    this.workers = new Workers(settings.workers(), settings.queue());
    this.responder =
        new Responder(settings, answerer, journalOrNone, json, client, messages, workers);
    this.feedback = new FeedbackButtons(answerer, journalOrNone, json, client, messages);
  }

  /**
   * The Slack routes configured by {@code env} (see {@link SlackSettings}), to add to the HTTP
   * server; empty when {@value SlackSettings#SIGNING_SECRET} is not set, in which case Slack is
   * off.
   *
   * @throws IllegalArgumentException when a Slack variable is set to something unusable
   */
  public static Optional<Consumer<JavalinConfig>> fromEnv(
      Map<String, String> env, Answerer answerer, Journal journal) {
    return fromEnv(env, () -> answerer, journal);
  }

  /**
   * The same, for a server that starts before its index is open: {@code answerer} is asked for the
   * answerer at each request, and may throw while the bot is still starting (that request is then
   * logged and dropped).
   */
  public static Optional<Consumer<JavalinConfig>> fromEnv(
      Map<String, String> env, Supplier<Answerer> answerer, Journal journal) {
    return open(env, answerer, journal).map(face -> face::register);
  }

  /**
   * The Slack face configured by {@code env}, for an owner that will also {@link #close} it: its
   * {@link #register} adds the routes to the server. Empty when {@value
   * SlackSettings#SIGNING_SECRET} is not set.
   *
   * @throws IllegalArgumentException when a Slack variable is set to something unusable
   */
  public static Optional<SlackFace> open(
      Map<String, String> env, Supplier<Answerer> answerer, Journal journal) {
    return open(env, answerer, journal, UnaryOperator.identity());
  }

  /**
   * The same, with the event ids seen decided by {@code seenIds} (given this process's own memory
   * of them, to fall back on): a store the replicas share.
   */
  public static Optional<SlackFace> open(
      Map<String, String> env,
      Supplier<Answerer> answerer,
      Journal journal,
      UnaryOperator<Predicate<String>> seenIds) {
    return SlackSettings.fromEnv(env)
        .map(
            settings -> {
              if (settings.botToken() == null) {
                LOG.warn(
                    "{} is not set: the slash command and buttons work, but mentions and direct messages cannot be"
                        + " answered",
                    SlackSettings.BOT_TOKEN);
              }
              return new SlackFace(settings, answerer, journal, Clock.systemUTC(), seenIds);
            });
  }

  /**
   * Adds the Slack routes to a server being configured. Once that server has stopped, the workers
   * take no more work, but what they had is not waited for: that is {@link #close}'s job.
   */
  public void register(JavalinConfig config) {
    config.routes.post(COMMANDS, this::command);
    config.routes.post(EVENTS, this::event);
    config.routes.post(INTERACTIONS, this::interaction);
    config.events.serverStopped(workers::shutdown);
  }

  /**
   * Stops taking Slack work and waits at most {@link #CLOSE_TIMEOUT} for the questions being
   * answered and those waiting for a worker, so their answers reach Slack; past that, what is left
   * is dropped, with a warning. Call it once the server takes no more requests (any that still come
   * are told the bot is busy), and before closing what the answerer uses, such as the sentence
   * models.
   */
  @Override
  public void close() {
    workers.close(CLOSE_TIMEOUT);
  }

  /** Whether every queued answer has been sent, waiting at most {@code timeout}; for tests. */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    return workers.awaitIdle(timeout);
  }

  // ------------------------------------------------------------------ routes

  /** A slash command: acknowledged at once, answered to its {@code response_url}. */
  void command(Context ctx) {
    byte[] body = verified(ctx);
    if (body == null) {
      return;
    }
    Map<String, String> form = FormBody.parse(body);
    if ("1".equals(form.get("ssl_check"))) {
      ctx.status(200).result(new byte[0]);
      return;
    }
    String command = form.getOrDefault("command", "/faq");
    String text = Mrkdwn.fromSlack(form.get("text"));
    if (text.isEmpty() || text.equalsIgnoreCase("help")) {
      ephemeral(
          ctx, "Ask me a question from the FAQ, like `" + command + " what is inner alignment?`");
      return;
    }
    String question;
    try {
      question = Answerer.normalize(text);
    } catch (InvalidMessageException e) {
      ephemeral(ctx, "Sorry, I can't answer that: " + e.getMessage() + ".");
      return;
    }
    String responseUrl = form.get("response_url");
    if (!client.allowedResponseUrl(responseUrl)) {
      LOG.warn("a slash command came without a usable response_url");
      ephemeral(ctx, Responder.FAILED);
      return;
    }
    ephemeral(
        ctx, responder.answerCommand(question, responseUrl) ? Responder.LOOKING : Responder.BUSY);
  }

  /** An Events API request: the URL check, or an event to answer in its thread. */
  void event(Context ctx) {
    byte[] body = verified(ctx);
    if (body == null) {
      return;
    }
    JsonNode payload = parse(body);
    if (payload == null || !payload.isObject()) {
      ctx.status(400).result(new byte[0]);
      return;
    }
    switch (payload.path("type").asText()) {
      case "url_verification" -> {
        ctx.status(200)
            .contentType("text/plain; charset=utf-8")
            .result(payload.path("challenge").asText(""));
        return;
      }
      case "event_callback" ->
          events
              .toAnswer(payload, ctx.header("X-Slack-Retry-Num"))
              .ifPresent(responder::answerEvent);
      default -> {}
    }
    ctx.status(200).result(new byte[0]);
  }

  /** A button click: a question to ask, or a verdict on an answer. */
  void interaction(Context ctx) {
    byte[] body = verified(ctx);
    if (body == null) {
      return;
    }
    JsonNode payload =
        parse(FormBody.parse(body).getOrDefault("payload", "").getBytes(StandardCharsets.UTF_8));
    if (payload == null || !payload.isObject()) {
      ctx.status(400).result(new byte[0]);
      return;
    }
    if ("block_actions".equals(payload.path("type").asText())) {
      for (JsonNode action : payload.path("actions")) {
        onAction(payload, action);
      }
    }
    ctx.status(200).result(new byte[0]);
  }

  private void onAction(JsonNode payload, JsonNode action) {
    String actionId = action.path("action_id").asText("");
    String responseUrl = payload.path("response_url").asText("");
    if (!client.allowedResponseUrl(responseUrl)) {
      LOG.warn("a button click came without a usable response_url");
      return;
    }
    SlackMessages.ButtonValue value =
        SlackMessages.ButtonValue.decode(action.path("value").asText(null));
    if (actionId.startsWith(SlackMessages.ASK_RELATED)
        || actionId.startsWith(SlackMessages.ASK_OFFERED)) {
      responder.answerClick(payload, value, responseUrl);
    } else if (actionId.equals(SlackMessages.FEEDBACK_YES)
        || actionId.equals(SlackMessages.FEEDBACK_NO)) {
      feedback.vote(payload, value, actionId.equals(SlackMessages.FEEDBACK_YES), responseUrl);
    }
  }

  // ------------------------------------------------------------------ requests

  /**
   * The body of a request that Slack signed, or null after refusing it with an empty 401. Reads the
   * body once, as bytes, and checks the signature over exactly those bytes before anything parses
   * them.
   */
  private byte[] verified(Context ctx) {
    byte[] body = ctx.bodyAsBytes();
    if (!verifier.verify(
        ctx.header(RequestVerifier.TIMESTAMP), ctx.header(RequestVerifier.SIGNATURE), body)) {
      ctx.status(401).result(new byte[0]);
      return null;
    }
    return body;
  }

  private void ephemeral(Context ctx, String text) {
    ObjectNode body =
        json.createObjectNode().put("response_type", "ephemeral").put("text", Mrkdwn.escape(text));
    try {
      ctx.status(200)
          .contentType("application/json; charset=utf-8")
          .result(json.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return json.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
