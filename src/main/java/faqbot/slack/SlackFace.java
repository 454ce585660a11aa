package faqbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faqbot.answer.Answer;
import faqbot.answer.Answerer;
import faqbot.answer.EntryView;
import faqbot.answer.InvalidMessageException;
import faqbot.feedback.FeedbackRecord;
import faqbot.feedback.Journal;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack face: a slash command ({@value #COMMANDS}), the Events API ({@value #EVENTS}: mentions of the app and
 * direct messages to it) and button clicks ({@value #INTERACTIONS}), registered as routes on the HTTP server.
 *
 * <p>Every request is verified against the signing secret before anything in it is read, and refused with an
 * empty 401 otherwise. Slack wants an acknowledgement within three seconds, so requests are acknowledged at once
 * and answered on a small bounded pool of workers; when that is full the bot says it is busy rather than queueing
 * without end. Answers go back through the request's {@code response_url} or through {@code chat.postMessage}.
 */
public final class SlackFace {
  public static final String COMMANDS = "/slack/commands";
  public static final String EVENTS = "/slack/events";
  public static final String INTERACTIONS = "/slack/interactions";
  /** The channel name feedback from Slack is journalled under. */
  public static final String CHANNEL = "slack";

  static final String LOOKING = "Looking that up\u2026";
  static final String BUSY = "I'm answering a lot of questions right now. Please try again in a minute.";
  static final String FAILED = "Sorry, something went wrong while looking that up. Please try again later.";
  /** How long an event id is remembered: longer than Slack goes on retrying (about five minutes). */
  static final Duration DEDUPE_TTL = Duration.ofMinutes(30);
  static final int DEDUPE_CAPACITY = 20_000;

  private static final Logger LOG = LoggerFactory.getLogger(SlackFace.class);

  private final SlackSettings settings;
  private final Supplier<Answerer> answerer;
  private final Journal journal;
  private final ObjectMapper json = new ObjectMapper();
  private final RequestVerifier verifier;
  private final SlackClient client;
  private final SlackMessages messages;
  private final RecentIds recent;
  private final ThreadPoolExecutor workers;

  SlackFace(SlackSettings settings, Answerer answerer, Journal journal, Clock clock) {
    this(settings, () -> answerer, journal, clock);
  }

  SlackFace(SlackSettings settings, Supplier<Answerer> answerer, Journal journal, Clock clock) {
    this.settings = settings;
    this.answerer = answerer;
    this.journal = journal == null ? Journal.NONE : journal;
    this.verifier = new RequestVerifier(settings.signingSecret(), clock);
    this.client = new SlackClient(settings, json);
    this.messages = new SlackMessages(json, settings);
    this.recent = new RecentIds(DEDUPE_CAPACITY, DEDUPE_TTL, clock);
    BlockingQueue<Runnable> queue = settings.queue() == 0
        ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(settings.queue());
    AtomicInteger n = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 60, TimeUnit.SECONDS, queue, r -> {
      Thread t = new Thread(r, "faqbot-slack-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * The Slack routes configured by {@code env} (see {@link SlackSettings}), to add to the HTTP server; empty when
   * {@value SlackSettings#SIGNING_SECRET} is not set, in which case Slack is off.
   *
   * @throws IllegalArgumentException when a Slack variable is set to something unusable
   */
  public static Optional<Consumer<JavalinConfig>> fromEnv(Map<String, String> env, Answerer answerer,
      Journal journal) {
    return fromEnv(env, () -> answerer, journal);
  }

  /**
   * The same, for a server that starts before its index is open: {@code answerer} is asked for the answerer at
   * each request, and may throw while the bot is still starting (that request is then logged and dropped).
   */
  public static Optional<Consumer<JavalinConfig>> fromEnv(Map<String, String> env, Supplier<Answerer> answerer,
      Journal journal) {
    return SlackSettings.fromEnv(env).map(settings -> {
      if (settings.botToken() == null) {
        LOG.warn("{} is not set: the slash command and buttons work, but mentions and direct messages cannot be"
            + " answered", SlackSettings.BOT_TOKEN);
      }
      SlackFace face = new SlackFace(settings, answerer, journal, Clock.systemUTC());
      return face::register;
    });
  }

  /** Adds the Slack routes to a server being configured; the workers stop once that server has stopped. */
  public void register(JavalinConfig config) {
    config.routes.post(COMMANDS, this::command);
    config.routes.post(EVENTS, this::event);
    config.routes.post(INTERACTIONS, this::interaction);
    config.events.serverStopped(workers::shutdown);
  }

  // ------------------------------------------------------------------ requests

  /**
   * The body of a request that Slack signed, or null after refusing it with an empty 401. Reads the body once, as
   * bytes, and checks the signature over exactly those bytes before anything parses them.
   */
  private byte[] verified(Context ctx) {
    byte[] body = ctx.bodyAsBytes();
    if (!verifier.verify(ctx.header(RequestVerifier.TIMESTAMP), ctx.header(RequestVerifier.SIGNATURE), body)) {
      ctx.status(401).result(new byte[0]);
      return null;
    }
    return body;
  }

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
      ephemeral(ctx, "Ask me a question from the FAQ, like `" + command + " what is inner alignment?`");
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
      ephemeral(ctx, FAILED);
      return;
    }
    boolean accepted = submit(() -> {
      ObjectNode reply = replyOrNotice(question, "a slash command");
      reply.put("response_type", settings.inChannel() ? "in_channel" : "ephemeral");
      client.respond(responseUrl, reply);
    });
    ephemeral(ctx, accepted ? LOOKING : BUSY);
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
        ctx.status(200).contentType("text/plain; charset=utf-8").result(payload.path("challenge").asText(""));
        return;
      }
      case "event_callback" -> onEvent(payload, ctx.header("X-Slack-Retry-Num"));
      default -> { }
    }
    ctx.status(200).result(new byte[0]);
  }

  /** A button click: a question to ask, or a verdict on an answer. */
  void interaction(Context ctx) {
    byte[] body = verified(ctx);
    if (body == null) {
      return;
    }
    JsonNode payload = parse(FormBody.parse(body).getOrDefault("payload", "").getBytes(
        java.nio.charset.StandardCharsets.UTF_8));
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

  // ------------------------------------------------------------------ events

  private void onEvent(JsonNode payload, String retry) {
    JsonNode event = payload.path("event");
    String type = event.path("type").asText();
    boolean mention = "app_mention".equals(type);
    boolean direct = "message".equals(type) && "im".equals(event.path("channel_type").asText());
    if (!mention && !direct) {
      return;
    }
    // Never answer a bot (ourselves least of all), nor edits, deletions, joins and the like.
    if (event.hasNonNull("bot_id") || event.hasNonNull("bot_profile") || event.hasNonNull("subtype")) {
      return;
    }
    String user = event.path("user").asText("");
    if (user.isEmpty() || ownUser(payload, user)) {
      return;
    }
    String eventId = payload.path("event_id").asText("");
    String channel = event.path("channel").asText("");
    String ts = event.path("ts").asText("");
    if (channel.isEmpty() || ts.isEmpty()) {
      return;
    }
    // The same message can come as a retry of its event, or as both a mention and a direct message.
    if (!eventId.isEmpty() && !recent.firstTime("event:" + eventId)) {
      LOG.debug("event {} already handled (retry {})", eventId, retry);
      return;
    }
    if (!recent.firstTime("message:" + channel + ":" + ts)) {
      return;
    }
    String threadTs = event.path("thread_ts").asText("");
    String thread = threadTs.isEmpty() ? ts : threadTs;
    String text = Mrkdwn.fromSlack(event.path("text").asText(""));
    if (text.isEmpty()) {
      client.postMessageAsync(inThread(messages.notice("Ask me a question from the FAQ, like \u201cwhat is inner"
          + " alignment?\u201d"), channel, thread));
      return;
    }
    String question;
    try {
      question = Answerer.normalize(text);
    } catch (InvalidMessageException e) {
      client.postMessageAsync(inThread(messages.notice("Sorry, I can't answer that: " + e.getMessage() + "."),
          channel, thread));
      return;
    }
    boolean accepted = submit(() -> {
      ObjectNode reply = replyOrNotice(question, "a message");
      client.postMessage(inThread(reply, channel, thread));
    });
    if (!accepted) {
      client.postMessageAsync(inThread(messages.notice(BUSY), channel, thread));
    }
  }

  /** Whether {@code user} is this app's own bot user. */
  private boolean ownUser(JsonNode payload, String user) {
    if (user.equals(settings.botUserId())) {
      return true;
    }
    for (JsonNode auth : payload.path("authorizations")) {
      if (auth.path("is_bot").asBoolean(false) && user.equals(auth.path("user_id").asText())) {
        return true;
      }
    }
    return false;
  }

  private ObjectNode inThread(ObjectNode message, String channel, String thread) {
    ObjectNode post = json.createObjectNode();
    post.put("channel", channel);
    post.put("thread_ts", thread);
    post.setAll(message);
    post.put("unfurl_links", false);
    post.put("unfurl_media", false);
    return post;
  }

  // ------------------------------------------------------------------ buttons

  private void onAction(JsonNode payload, JsonNode action) {
    String actionId = action.path("action_id").asText("");
    String responseUrl = payload.path("response_url").asText("");
    if (!client.allowedResponseUrl(responseUrl)) {
      LOG.warn("a button click came without a usable response_url");
      return;
    }
    SlackMessages.ButtonValue value = SlackMessages.ButtonValue.decode(action.path("value").asText(null));
    if (actionId.startsWith(SlackMessages.ASK_RELATED) || actionId.startsWith(SlackMessages.ASK_OFFERED)) {
      ask(payload, value, responseUrl);
    } else if (actionId.equals(SlackMessages.FEEDBACK_YES) || actionId.equals(SlackMessages.FEEDBACK_NO)) {
      feedback(payload, value, actionId.equals(SlackMessages.FEEDBACK_YES), responseUrl);
    }
  }

  /** A question button: answers that question, beside the message that offered it. */
  private void ask(JsonNode payload, SlackMessages.ButtonValue value, String responseUrl) {
    boolean ephemeral = payload.path("container").path("is_ephemeral").asBoolean(false);
    JsonNode message = payload.path("message");
    // Answers to a message in a thread stay in that thread; to a message in the channel, go in its thread.
    String thread = message.path("thread_ts").asText(message.path("ts").asText(
        payload.path("container").path("thread_ts").asText("")));
    boolean accepted = submit(() -> {
      ObjectNode reply;
      try {
        Optional<EntryView> entry = value.id() == null ? Optional.empty() : answerer.get().entry(value.id());
        if (entry.isPresent()) {
          reply = messages.answer(SlackMessages.Shown.of(entry.get()), entry.get().question());
        } else {
          String question = Answerer.normalize(value.question());
          reply = reply(answerer.get().answer(question), question);
        }
      } catch (RuntimeException e) {
        LOG.error("answering a button click failed", e);
        reply = messages.notice(FAILED);
      }
      reply.put("response_type", ephemeral ? "ephemeral" : "in_channel");
      reply.put("replace_original", false);
      if (!ephemeral && !thread.isEmpty()) {
        reply.put("thread_ts", thread);
      }
      client.respond(responseUrl, reply);
    });
    if (!accepted) {
      ObjectNode busy = messages.notice(BUSY);
      busy.put("response_type", "ephemeral");
      busy.put("replace_original", false);
      client.respondAsync(responseUrl, busy);
    }
  }

  /** A 👍 or 👎: journalled before the click is acknowledged, then the buttons give way to a thank-you. */
  private void feedback(JsonNode payload, SlackMessages.ButtonValue value, boolean helpful, String responseUrl) {
    if (value.id() == null) {
      return;
    }
    try {
      journal.append(FeedbackRecord.feedback(value.question(), value.id(), helpful, CHANNEL));
    } catch (IOException | RuntimeException e) {
      LOG.error("could not journal feedback on {}", value.id(), e);
      ObjectNode sorry = messages.notice("Sorry, I could not record that. Please try again later.");
      sorry.put("response_type", "ephemeral");
      sorry.put("replace_original", false);
      client.respondAsync(responseUrl, sorry);
      return;
    }
    String thanks = helpful ? ":+1: Thanks, glad it helped." : ":pencil: Thanks for telling us; this helps us improve"
        + " the answer.";
    JsonNode message = payload.path("message");
    ArrayNode original = message.path("blocks").isArray() && !message.path("blocks").isEmpty()
        ? (ArrayNode) message.path("blocks") : null;
    String text = message.path("text").asText("");
    if (original == null) {
      // An ephemeral message comes without its blocks: show the same answer again, without the buttons.
      Optional<EntryView> entry = answerer.get().entry(value.id());
      if (entry.isPresent()) {
        ObjectNode rebuilt = messages.answer(SlackMessages.Shown.of(entry.get()), value.question());
        original = (ArrayNode) rebuilt.get("blocks");
        text = rebuilt.path("text").asText();
      }
    }
    ObjectNode update;
    if (original == null) {
      update = messages.notice(thanks);
      update.put("response_type", "ephemeral");
      update.put("replace_original", false);
    } else {
      ArrayNode blocks = json.createArrayNode();
      for (JsonNode block : original) {
        String id = block.path("block_id").asText("");
        if (id.equals(SlackMessages.FEEDBACK_PROMPT_BLOCK)) {
          continue;
        }
        blocks.add(id.equals(SlackMessages.FEEDBACK_BLOCK)
            ? messages.context(java.util.List.of(Mrkdwn.escape(thanks))) : block);
      }
      update = json.createObjectNode();
      update.put("replace_original", true);
      update.put("text", text.isEmpty() ? thanks : text);
      update.set("blocks", blocks);
    }
    client.respondAsync(responseUrl, update);
  }

  // ------------------------------------------------------------------ answers

  /** The reply to a question, or a short notice when answering failed (logged, naming {@code what} was answered). */
  private ObjectNode replyOrNotice(String question, String what) {
    try {
      return reply(answerer.get().answer(question), question);
    } catch (RuntimeException e) {
      LOG.error("answering {} failed", what, e);
      return messages.notice(FAILED);
    }
  }

  /** The message for an answer, journalling a question the bot could not answer outright. */
  private ObjectNode reply(Answer answer, String asked) {
    if (answer.matched() && answer.answer() != null) {
      return messages.answer(SlackMessages.Shown.of(answer), asked);
    }
    if (answer.outcome() != faqbot.answer.Outcome.SMALLTALK) {
      try {
        journal.note(FeedbackRecord.declined(asked, CHANNEL));
      } catch (IOException | RuntimeException e) {
        LOG.warn("could not journal a declined question: {}", e.toString());
      }
    }
    return messages.offered(answer);
  }

  /** Runs {@code task} on a worker; false when all are busy and the queue is full. */
  private boolean submit(Runnable task) {
    try {
      workers.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.error("a Slack task failed", e);
        }
      });
      return true;
    } catch (RejectedExecutionException e) {
      LOG.warn("all {} Slack workers are busy and {} requests wait: refusing one", settings.workers(),
          workers.getQueue().size());
      return false;
    }
  }

  private void ephemeral(Context ctx, String text) {
    ObjectNode body = json.createObjectNode().put("response_type", "ephemeral").put("text", Mrkdwn.escape(text));
    try {
      ctx.status(200).contentType("application/json; charset=utf-8").result(json.writeValueAsBytes(body));
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

  /** Whether every queued answer has been sent, waiting at most {@code timeout}; for tests. */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (workers.getActiveCount() == 0 && workers.getQueue().isEmpty()) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }
}
