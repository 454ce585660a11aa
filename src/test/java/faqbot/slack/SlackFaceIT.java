package faqbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.events.payload.AppMentionPayload;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.events.payload.MessageBotPayload;
import com.slack.api.app_backend.events.payload.MessagePayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.model.Message;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.event.MessageBotEvent;
import faqbot.answer.Answerer;
import faqbot.app.Bot;
import faqbot.feedback.FeedbackRecord;
import faqbot.feedback.Journal;
import faqbot.testing.Fixtures;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Slack face on a started server over the bundled corpus, talking to a fake Slack on the
 * loopback interface: requests are made and signed the way Slack makes them (with Slack's SDK), and
 * what the bot sends back is read with Slack's SDK, strictly, and checked against Slack's limits.
 */
class SlackFaceIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String TOKEN = "xoxb-test-token";
  private static final String BOT_USER = "U0BOTUSER";
  private static final String PUBLIC = "https://faq.example.org";

  private static Answerer answerer;

  private FakeSlack slack;
  private Javalin app;
  private SlackFace face;
  private SlackRequests requests;
  private final List<FeedbackRecord> journal = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void bot() {
    answerer = Fixtures.bundledBot().answerer();
  }

  @BeforeEach
  void start() throws IOException {
    slack = new FakeSlack();
    start(answerer, Map.of());
  }

  private void start(Answerer bot, Map<String, String> extra) {
    start(() -> bot, extra);
  }

  private void start(Supplier<Answerer> bot, Map<String, String> extra) {
    if (app != null) {
      app.stop();
    }
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                SlackSettings.SIGNING_SECRET,
                SlackRequests.SECRET,
                SlackSettings.BOT_TOKEN,
                TOKEN,
                SlackSettings.API_URL,
                slack.apiUrl(),
                SlackSettings.PUBLIC_URL,
                PUBLIC));
    env.putAll(extra);
    face =
        new SlackFace(
            SlackSettings.fromEnv(env).orElseThrow(), bot, journal::add, Clock.systemUTC());
    Consumer<JavalinConfig> routes = face::register;
    app =
        Javalin.create(
                cfg -> {
                  cfg.startup.startupWatcherEnabled = false;
                  cfg.startup.showJavalinBanner = false;
                  routes.accept(cfg);
                })
            .start("127.0.0.1", 0);
    requests = new SlackRequests("http://127.0.0.1:" + app.port());
  }

  @AfterEach
  void stop() {
    face.close(); // so no answer still on its way reaches the fake after it has closed
    if (app != null) {
      app.stop();
    }
    slack.close();
  }

  // ------------------------------------------------------------------ wiring

  @Test
  void fromEnvIsOffWithoutASigningSecretAndOnWithOne() {
    assertThat(SlackFace.fromEnv(Map.of(SlackSettings.BOT_TOKEN, TOKEN), answerer, Journal.NONE))
        .isEmpty();
    assertThat(SlackFace.fromEnv(Map.of(SlackSettings.SIGNING_SECRET, " "), answerer, Journal.NONE))
        .isEmpty();

    Consumer<JavalinConfig> routes =
        SlackFace.fromEnv(
                Map.of(SlackSettings.SIGNING_SECRET, SlackRequests.SECRET), answerer, Journal.NONE)
            .orElseThrow();
    Javalin other =
        Javalin.create(
                cfg -> {
                  cfg.startup.startupWatcherEnabled = false;
                  routes.accept(cfg);
                })
            .start("127.0.0.1", 0);
    try {
      SlackRequests client = new SlackRequests("http://127.0.0.1:" + other.port());
      String body = "{\"token\":\"x\",\"challenge\":\"from-env\",\"type\":\"url_verification\"}";
      assertThat(client.signed(SlackFace.EVENTS, SlackRequests.JSON, body).body())
          .isEqualTo("from-env");
    } finally {
      other.stop();
    }
  }

  // ------------------------------------------------------------------ url_verification

  @Test
  void urlVerificationEchoesTheChallenge() {
    String body =
        "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":"
            + "\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}";
    SlackRequests.Reply reply = requests.signed(SlackFace.EVENTS, SlackRequests.JSON, body);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  }

  // ------------------------------------------------------------------ slash command

  @Test
  void slashCommandIsAcknowledgedAtOnceAndAnsweredToTheResponseUrl() throws Exception {
    String responseUrl = slack.responseUrl("commands/T0001/1234/abcd");
    SlackRequests.Reply reply =
        requests.signed(
            SlackFace.COMMANDS,
            SlackRequests.FORM,
            SlackRequests.slashCommand("What is inner alignment?", responseUrl));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.took()).isLessThan(Duration.ofSeconds(3));
    assertThat(reply.contentType()).startsWith("application/json");
    SlashCommandResponse ack = BlockKit.STRICT.fromJson(reply.body(), SlashCommandResponse.class);
    assertThat(ack.getResponseType()).isEqualTo("ephemeral");
    assertThat(ack.getText()).isEqualTo(Responder.LOOKING);

    FakeSlack.Call call = slack.next(WAIT);
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.path()).isEqualTo("/hooks/commands/T0001/1234/abcd");
    assertThat(call.header("Content-Type")).startsWith("application/json");
    assertThat(call.header("Authorization")).isNull(); // response URLs need no token; never leak it
    SlashCommandResponse answer = BlockKit.commandResponse(call.body());
    assertThat(answer.getResponseType()).isEqualTo("ephemeral");
    List<LayoutBlock> blocks = answer.getBlocks();
    assertThat(blocks.get(0)).isInstanceOf(HeaderBlock.class);
    assertThat(((HeaderBlock) blocks.get(0)).getText().getText())
        .isEqualTo("What is inner alignment?");
    String text = BlockKit.allText(blocks);
    assertThat(text)
        .contains("Inner alignment is the problem")
        .contains("Stochastic Gradient Descent") // a former link, its marks gone
        .doesNotContain("<u>")
        .doesNotContain("</u>")
        .contains("The OTHER AI Alignment Problem"); // the video's title
    List<ButtonElement> buttons = BlockKit.buttons(blocks);
    assertThat(buttons)
        .extracting(ButtonElement::getActionId)
        .contains("ask_related_1", SlackMessages.FEEDBACK_YES, SlackMessages.FEEDBACK_NO);
    assertThat(button(blocks, SlackMessages.FEEDBACK_YES).getValue())
        .startsWith("what-is-inner-alignment\n");
    assertThat(answer.getText()).contains("What is inner alignment?");
  }

  @Test
  void slashCommandRepliesInChannelWhenConfigured() throws Exception {
    start(answerer, Map.of(SlackSettings.COMMAND_REPLIES, "in_channel"));
    requests.signed(
        SlackFace.COMMANDS,
        SlackRequests.FORM,
        SlackRequests.slashCommand("what is a reward model", slack.responseUrl("commands/x")));
    assertThat(BlockKit.commandResponse(slack.next(WAIT).body()).getResponseType())
        .isEqualTo("in_channel");
  }

  @Test
  void slashCommandBetweenTwoEntriesAsksWhichWasMeantAndIsJournalled() throws Exception {
    String between = "How does AI control differ from boxing an AI?";
    requests.signed(
        SlackFace.COMMANDS,
        SlackRequests.FORM,
        SlackRequests.slashCommand(between, slack.responseUrl("commands/y")));
    SlashCommandResponse answer = BlockKit.commandResponse(slack.next(WAIT).body());
    assertThat(BlockKit.allText(answer.getBlocks()))
        .contains("Did you mean")
        .doesNotContain("Sorry");
    assertThat(answer.getBlocks()).noneMatch(HeaderBlock.class::isInstance);
    assertThat(BlockKit.buttons(answer.getBlocks()))
        .allSatisfy(b -> assertThat(b.getActionId()).startsWith(SlackMessages.ASK_OFFERED))
        .extracting(b -> b.getText().getText())
        .contains("What is AI control?", "Can't we just keep a dangerous AI in a box?");
    assertThat(journal)
        .anySatisfy(
            r -> {
              assertThat(r.type()).isEqualTo(FeedbackRecord.ASKED);
              assertThat(r.outcome()).isEqualTo("clarify");
              assertThat(r.unanswered()).isTrue();
              assertThat(r.channel()).isEqualTo("slack");
              assertThat(r.question()).isEqualTo(between);
            });
  }

  @Test
  void slashCommandFarFromEveryEntryIsDeclinedWithoutButtons() throws Exception {
    requests.signed(
        SlackFace.COMMANDS,
        SlackRequests.FORM,
        SlackRequests.slashCommand(
            "what's the best pizza in Naples?", slack.responseUrl("commands/p")));
    SlashCommandResponse answer = BlockKit.commandResponse(slack.next(WAIT).body());
    assertThat(BlockKit.allText(answer.getBlocks())).contains("Sorry");
    assertThat(BlockKit.buttons(answer.getBlocks())).isEmpty();
  }

  @Test
  void smallTalkGetsAReplyWithQuestionsToStartWithAndIsNotJournalled() throws Exception {
    journal.clear();
    requests.signed(
        SlackFace.COMMANDS,
        SlackRequests.FORM,
        SlackRequests.slashCommand("hi", slack.responseUrl("commands/hi")));
    SlashCommandResponse answer = BlockKit.commandResponse(slack.next(WAIT).body());
    assertThat(BlockKit.allText(answer.getBlocks())).startsWith("Hi!").doesNotContain("Sorry");
    assertThat(BlockKit.buttons(answer.getBlocks())).hasSize(3);
    // Kept for the editors' traffic chart, but never as a question the bot could not answer.
    assertThat(journal)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo("smalltalk");
              assertThat(r.unanswered()).isFalse();
            });
  }

  @Test
  void emptyOrOverlongSlashCommandsAreAnsweredAtOnceWithoutWork() throws InterruptedException {
    SlackRequests.Reply empty =
        requests.signed(
            SlackFace.COMMANDS,
            SlackRequests.FORM,
            SlackRequests.slashCommand("", slack.responseUrl("commands/z")));
    assertThat(empty.status()).isEqualTo(200);
    assertThat(BlockKit.STRICT.fromJson(empty.body(), SlashCommandResponse.class).getText())
        .contains("/faq");

    SlackRequests.Reply tooLong =
        requests.signed(
            SlackFace.COMMANDS,
            SlackRequests.FORM,
            SlackRequests.slashCommand(
                "why ".repeat(Answerer.MAX_MESSAGE_CHARS / 4 + 100),
                slack.responseUrl("commands/z")));
    assertThat(tooLong.status()).isEqualTo(200);
    assertThat(tooLong.body()).contains("limit");
    assertThat(slack.poll(Duration.ofMillis(500))).isNull();
  }

  @Test
  void whenEveryWorkerIsBusyTheCommandIsToldSoAtOnce() throws Exception {
    start(answerer, Map.of(SlackSettings.WORKERS, "1", SlackSettings.QUEUE, "0"));
    CountDownLatch release = slack.holdResponses();
    try {
      SlackRequests.Reply first =
          requests.signed(
              SlackFace.COMMANDS,
              SlackRequests.FORM,
              SlackRequests.slashCommand(
                  "what is a reward model", slack.responseUrl("commands/1")));
      assertThat(first.body()).contains(Responder.LOOKING);
      slack.next(WAIT); // the one worker is now waiting on Slack

      SlackRequests.Reply second =
          requests.signed(
              SlackFace.COMMANDS,
              SlackRequests.FORM,
              SlackRequests.slashCommand(
                  "what is reward hacking", slack.responseUrl("commands/2")));
      assertThat(second.status()).isEqualTo(200);
      assertThat(second.took()).isLessThan(Duration.ofSeconds(3));
      SlashCommandResponse busy =
          BlockKit.STRICT.fromJson(second.body(), SlashCommandResponse.class);
      assertThat(busy.getResponseType()).isEqualTo("ephemeral");
      assertThat(busy.getText()).contains("try again");
    } finally {
      release.countDown();
    }
  }

  @Test
  void closeReturnsOnceTheAnswersTakenAreSentAndThenRefusesMore() throws Exception {
    CountDownLatch answering = new CountDownLatch(1);
    start(
        () -> {
          // Answering takes until close is waiting for it.
          try {
            answering.await(WAIT.toSeconds(), TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return answerer;
        },
        Map.of());
    SlackRequests.Reply taken =
        requests.signed(
            SlackFace.COMMANDS,
            SlackRequests.FORM,
            SlackRequests.slashCommand(
                "what is a reward model", slack.responseUrl("commands/before-close")));
    assertThat(taken.body()).contains(Responder.LOOKING);

    Threads.countDownOnceWaiting(Thread.currentThread(), answering);
    face.close();
    assertThat(slack.all())
        .extracting(FakeSlack.Call::path)
        .containsExactly("/hooks/commands/before-close");

    SlackRequests.Reply refused =
        requests.signed(
            SlackFace.COMMANDS,
            SlackRequests.FORM,
            SlackRequests.slashCommand(
                "what is reward hacking", slack.responseUrl("commands/after-close")));
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body()).contains("try again");
  }

  // ------------------------------------------------------------------ events

  @Test
  void appMentionIsAnsweredInItsThreadWithTheBotToken() throws Exception {
    String body =
        BlockKit.GSON.toJson(
            mention(
                "Ev0001",
                "<@" + BOT_USER + "> what is a reward model?",
                "1700000001.000100",
                null));
    SlackRequests.Reply reply = requests.signed(SlackFace.EVENTS, SlackRequests.JSON, body);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEmpty();
    assertThat(reply.took()).isLessThan(Duration.ofSeconds(3));

    FakeSlack.Call call = slack.next(WAIT);
    assertThat(call.path()).isEqualTo("/api/chat.postMessage");
    assertThat(call.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(call.header("Content-Type")).startsWith("application/json");
    ChatPostMessageRequest post = BlockKit.postMessage(call.body());
    assertThat(post.getChannel()).isEqualTo("C0CHANNEL");
    assertThat(post.getThreadTs()).isEqualTo("1700000001.000100");
    assertThat(((HeaderBlock) post.getBlocks().get(0)).getText().getText())
        .isEqualTo("What is a reward model?");
  }

  @Test
  void aMentionInsideAThreadIsAnsweredInThatThread() throws Exception {
    String body =
        BlockKit.GSON.toJson(
            mention(
                "Ev0002",
                "<@" + BOT_USER + "> and what is reward hacking?",
                "1700000002.000200",
                "1700000000.000001"));
    requests.signed(SlackFace.EVENTS, SlackRequests.JSON, body);
    ChatPostMessageRequest post = BlockKit.postMessage(slack.next(WAIT).body());
    assertThat(post.getThreadTs()).isEqualTo("1700000000.000001");
  }

  @Test
  void directMessageIsAnsweredInItsThread() throws Exception {
    String body =
        BlockKit.GSON.toJson(
            direct(
                "Ev0003",
                "U0HUMAN",
                "What is Goodhart&apos;s law &amp; why?",
                "1700000003.000300"));
    requests.signed(SlackFace.EVENTS, SlackRequests.JSON, body);
    FakeSlack.Call call = slack.next(WAIT);
    ChatPostMessageRequest post = BlockKit.postMessage(call.body());
    assertThat(post.getChannel()).isEqualTo("D0DIRECT");
    assertThat(post.getThreadTs()).isEqualTo("1700000003.000300");
  }

  @Test
  void aRetriedEventIsAnsweredOnce() throws Exception {
    String body =
        BlockKit.GSON.toJson(
            mention(
                "Ev0004",
                "<@" + BOT_USER + "> what is a treacherous turn?",
                "1700000004.000400",
                null));
    assertThat(requests.signed(SlackFace.EVENTS, SlackRequests.JSON, body).status()).isEqualTo(200);
    for (int retry = 1; retry <= 3; retry++) {
      Map<String, String> headers =
          new LinkedHashMap<>(
              SlackRequests.headers(SlackRequests.SECRET, Instant.now().getEpochSecond(), body));
      headers.put("X-Slack-Retry-Num", Integer.toString(retry));
      headers.put("X-Slack-Retry-Reason", "http_timeout");
      assertThat(requests.post(SlackFace.EVENTS, SlackRequests.JSON, body, headers).status())
          .isEqualTo(200);
    }
    // The same message delivered again as another event (a mention that is also a direct message)
    // is not
    // answered twice either.
    String again =
        BlockKit.GSON.toJson(
            mention(
                "Ev0005",
                "<@" + BOT_USER + "> what is a treacherous turn?",
                "1700000004.000400",
                null));
    assertThat(requests.signed(SlackFace.EVENTS, SlackRequests.JSON, again).status())
        .isEqualTo(200);

    assertThat(slack.next(WAIT).path()).isEqualTo("/api/chat.postMessage");
    assertThat(face.awaitIdle(WAIT)).isTrue();
    assertThat(slack.poll(Duration.ofMillis(500))).isNull();
    assertThat(slack.all()).hasSize(1);
  }

  @Test
  void messagesFromBotsAndFromTheAppItselfAreIgnored() throws Exception {
    // A bot's message, as Slack sends it (subtype bot_message, bot_id).
    MessageBotEvent botEvent = new MessageBotEvent();
    botEvent.setBotId("B0OTHER");
    botEvent.setChannel("D0DIRECT");
    botEvent.setChannelType("im");
    botEvent.setText("What is inner alignment?");
    botEvent.setTs("1700000010.000100");
    MessageBotPayload botPayload = new MessageBotPayload();
    envelope(botPayload, "Ev0010");
    botPayload.setEvent(botEvent);
    assertThat(
            requests
                .signed(SlackFace.EVENTS, SlackRequests.JSON, BlockKit.GSON.toJson(botPayload))
                .status())
        .isEqualTo(200);

    // Our own reply in a direct message: it carries bot_id too.
    MessagePayload own =
        direct("Ev0011", BOT_USER, "What is inner alignment?", "1700000011.000100");
    own.getEvent().setBotId("B0OURS");
    requests.signed(SlackFace.EVENTS, SlackRequests.JSON, BlockKit.GSON.toJson(own));

    // Another app's bot user posting with its bot token: bot_id, no subtype.
    MessagePayload otherBot =
        direct("Ev0016", "U0OTHERBOT", "What is inner alignment?", "1700000016.000100");
    otherBot.getEvent().setBotId("B0OTHER");
    requests.signed(SlackFace.EVENTS, SlackRequests.JSON, BlockKit.GSON.toJson(otherBot));

    // Our own user without bot_id (as some clients post): known from the event's authorizations.
    requests.signed(
        SlackFace.EVENTS,
        SlackRequests.JSON,
        BlockKit.GSON.toJson(
            direct("Ev0012", BOT_USER, "What is inner alignment?", "1700000012.000100")));

    // An edit is not a new question.
    MessagePayload edit =
        direct("Ev0013", "U0HUMAN", "What is inner alignment?", "1700000013.000100");
    String edited =
        BlockKit.GSON
            .toJson(edit)
            .replace(
                "\"type\":\"message\",",
                "\"type\":\"message\"," + "\"subtype\":\"message_changed\",");
    assertThat(edited).contains("message_changed");
    requests.signed(SlackFace.EVENTS, SlackRequests.JSON, edited);

    // A message in a channel (not a direct message, not a mention) is not for us.
    MessagePayload channel =
        direct("Ev0014", "U0HUMAN", "What is inner alignment?", "1700000014.000100");
    channel.getEvent().setChannelType("channel");
    requests.signed(SlackFace.EVENTS, SlackRequests.JSON, BlockKit.GSON.toJson(channel));

    assertThat(face.awaitIdle(WAIT)).isTrue();
    assertThat(slack.poll(Duration.ofMillis(500))).isNull();

    // Control: the same question from a person is answered.
    requests.signed(
        SlackFace.EVENTS,
        SlackRequests.JSON,
        BlockKit.GSON.toJson(
            direct("Ev0015", "U0HUMAN", "What is inner alignment?", "1700000015.000100")));
    assertThat(slack.next(WAIT).path()).isEqualTo("/api/chat.postMessage");
    assertThat(slack.all()).hasSize(1);
  }

  // ------------------------------------------------------------------ rate limits

  @Test
  void anAnswerRateLimitedOnceIsSentAfterRetryAfter() throws Exception {
    slack.rateLimit(FakeSlack.Limit.STATUS, "1", 1);
    requests.signed(
        SlackFace.EVENTS,
        SlackRequests.JSON,
        BlockKit.GSON.toJson(
            mention(
                "Ev0020",
                "<@" + BOT_USER + "> what is a reward model?",
                "1700000020.000100",
                null)));

    FakeSlack.Call refused = slack.next(WAIT);
    FakeSlack.Call sent = slack.next(WAIT);
    assertThat(sent.path()).isEqualTo("/api/chat.postMessage");
    assertThat(sent.after(refused)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    ChatPostMessageRequest post = BlockKit.postMessage(sent.body());
    assertThat(post.getThreadTs()).isEqualTo("1700000020.000100");
    assertThat(((HeaderBlock) post.getBlocks().get(0)).getText().getText())
        .isEqualTo("What is a reward model?");
  }

  @Test
  void anAnswerRateLimitedPastTheBudgetIsDroppedWithOneLogLineAndItsWorkerIsFree()
      throws Exception {
    start(answerer, Map.of(SlackSettings.WORKERS, "1", SlackSettings.QUEUE, "0"));
    slack.rateLimit(FakeSlack.Limit.STATUS, "60", Integer.MAX_VALUE); // 60 s: past the 30 s budget
    try (CapturedLog log = new CapturedLog()) {
      requests.signed(
          SlackFace.COMMANDS,
          SlackRequests.FORM,
          SlackRequests.slashCommand(
              "what is a reward model", slack.responseUrl("commands/limited")));
      slack.next(WAIT);
      assertThat(face.awaitIdle(WAIT)).isTrue();
      assertThat(log.lines(SlackClient.class))
          .singleElement()
          .asString()
          .contains("rate limited (Retry-After 60 s)")
          .contains("giving up");
    }
    assertThat(slack.poll(Duration.ofMillis(300))).isNull();

    // The one worker takes the next question at once, rather than telling it to come back later.
    slack.stopRateLimiting();
    SlackRequests.Reply next =
        requests.signed(
            SlackFace.COMMANDS,
            SlackRequests.FORM,
            SlackRequests.slashCommand(
                "what is reward hacking", slack.responseUrl("commands/after")));
    assertThat(next.body()).contains(Responder.LOOKING);
    FakeSlack.Call answer = slack.next(WAIT);
    assertThat(answer.path()).isEqualTo("/hooks/commands/after");
    assertThat(BlockKit.allText(BlockKit.commandResponse(answer.body()).getBlocks()))
        .contains("reward hacking");
  }

  // ------------------------------------------------------------------ buttons

  @Test
  void aRelatedQuestionButtonAsksThatQuestion() throws Exception {
    Message shown = askInChannel("What is inner alignment?");
    ButtonElement related =
        BlockKit.buttons(shown.getBlocks()).stream()
            .filter(b -> b.getActionId().equals("ask_related_1"))
            .findFirst()
            .orElseThrow();

    SlackRequests.Reply reply =
        click(shown, related, slack.responseUrl("actions/T0001/1/related"), false);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEmpty();
    assertThat(reply.took()).isLessThan(Duration.ofSeconds(3));

    FakeSlack.Call call = slack.next(WAIT);
    assertThat(call.path()).isEqualTo("/hooks/actions/T0001/1/related");
    ActionResponse answer = BlockKit.actionResponse(call.body());
    assertThat(answer.getResponseType()).isEqualTo("in_channel");
    assertThat(answer.isReplaceOriginal()).isFalse();
    assertThat(answer.getThreadTs()).isEqualTo(shown.getThreadTs());
    assertThat(((HeaderBlock) answer.getBlocks().get(0)).getText().getText())
        .isEqualTo(related.getText().getText());
  }

  @Test
  void anOfferedQuestionButtonAsksThatQuestion() throws Exception {
    requests.signed(
        SlackFace.COMMANDS,
        SlackRequests.FORM,
        SlackRequests.slashCommand(
            "How does AI control differ from boxing an AI?", slack.responseUrl("commands/q")));
    SlashCommandResponse declined = BlockKit.commandResponse(slack.next(WAIT).body());
    List<ButtonElement> offered = BlockKit.buttons(declined.getBlocks());
    assertThat(offered)
        .isNotEmpty()
        .allSatisfy(b -> assertThat(b.getActionId()).startsWith(SlackMessages.ASK_OFFERED));
    Message message = new Message();
    message.setText(declined.getText());
    message.setBlocks(declined.getBlocks());
    click(message, offered.get(0), slack.responseUrl("actions/offered"), true);
    ActionResponse answer = BlockKit.actionResponse(slack.next(WAIT).body());
    assertThat(answer.getResponseType()).isEqualTo("ephemeral");
    assertThat(((HeaderBlock) answer.getBlocks().get(0)).getText().getText())
        .isEqualTo(offered.get(0).getText().getText());
    // The pick is kept as the entry the question meant, for the editors' suggested phrasings.
    String picked = SlackMessages.ButtonValue.decode(offered.get(0).getValue()).id();
    assertThat(journal)
        .filteredOn(r -> Boolean.TRUE.equals(r.picked()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.question()).isEqualTo("How does AI control differ from boxing an AI?");
              assertThat(r.answerId()).isEqualTo(picked);
              assertThat(r.channel()).isEqualTo("slack");
            });
  }

  @Test
  void aVoteOnAQuestionTooLongForItsButtonIsJournalledWithoutOne() throws Exception {
    Message shown = askInChannel("what is a reward model");
    ButtonElement no = button(shown.getBlocks(), SlackMessages.FEEDBACK_NO);
    // What the button of an answer to a question past a button value's 2000 characters carries.
    no.setValue(
        SlackMessages.ButtonValue.vote(
                "what-is-a-reward-model", "why ".repeat(1000).strip(), "What is a reward model?")
            .encode());

    click(shown, no, slack.responseUrl("actions/T0001/2/feedback"), false);
    FeedbackRecord vote = onlyVote();
    assertThat(vote.answerId()).isEqualTo("what-is-a-reward-model");
    assertThat(vote.helpful()).isFalse();
    assertThat(vote.question()).isNull();
    assertThat(BlockKit.actionResponse(slack.next(WAIT).body()).isReplaceOriginal()).isTrue();
  }

  @Test
  void aFeedbackButtonIsJournalledAndTheButtonsGiveWayToThanks() throws Exception {
    Message shown = askInChannel("what is a reward model");
    ButtonElement no = button(shown.getBlocks(), SlackMessages.FEEDBACK_NO);

    SlackRequests.Reply reply =
        click(shown, no, slack.responseUrl("actions/T0001/2/feedback"), false);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEmpty();

    FeedbackRecord vote = onlyVote();
    assertThat(vote.answerId()).isEqualTo("what-is-a-reward-model");
    assertThat(vote.helpful()).isFalse();
    assertThat(vote.channel()).isEqualTo("slack");
    assertThat(vote.question()).isEqualTo("what is a reward model");

    FakeSlack.Call call = slack.next(WAIT);
    ActionResponse update = BlockKit.actionResponse(call.body());
    assertThat(update.isReplaceOriginal()).isTrue();
    assertThat(BlockKit.buttons(update.getBlocks()))
        .extracting(ButtonElement::getActionId)
        .doesNotContain(SlackMessages.FEEDBACK_YES, SlackMessages.FEEDBACK_NO)
        .contains("ask_related_1");
    assertThat(update.getBlocks())
        .anySatisfy(
            b -> {
              assertThat(b).isInstanceOf(ContextBlock.class);
              assertThat(BlockKit.allText(List.of(b))).contains("Thanks");
            });
    assertThat(BlockKit.allText(update.getBlocks())).contains("What is a reward model?");
  }

  @Test
  void feedbackOnAnEphemeralAnswerRebuildsItWithoutTheButtons() throws Exception {
    requests.signed(
        SlackFace.COMMANDS,
        SlackRequests.FORM,
        SlackRequests.slashCommand("what is a reward model", slack.responseUrl("commands/e")));
    SlashCommandResponse shown = BlockKit.commandResponse(slack.next(WAIT).body());
    ButtonElement yes = button(shown.getBlocks(), SlackMessages.FEEDBACK_YES);

    // Slack sends no message with a click on an ephemeral message.
    click(null, yes, slack.responseUrl("actions/ephemeral"), true);
    assertThat(onlyVote().helpful()).isTrue();
    ActionResponse update = BlockKit.actionResponse(slack.next(WAIT).body());
    assertThat(update.isReplaceOriginal()).isTrue();
    assertThat(BlockKit.buttons(update.getBlocks()))
        .extracting(ButtonElement::getActionId)
        .doesNotContain(SlackMessages.FEEDBACK_YES, SlackMessages.FEEDBACK_NO);
    assertThat(BlockKit.allText(update.getBlocks())).contains("Thanks");
  }

  // ------------------------------------------------------------------ refused requests

  static Stream<Arguments> refusals() {
    long now = Instant.now().getEpochSecond();
    List<Arguments> out = new ArrayList<>();
    for (String path : List.of(SlackFace.COMMANDS, SlackFace.EVENTS, SlackFace.INTERACTIONS)) {
      out.add(Arguments.of(path, "wrong secret", null, Refusal.wrongSecret(now)));
      out.add(Arguments.of(path, "stale timestamp (6 minutes old)", null, Refusal.at(now - 360)));
      out.add(
          Arguments.of(path, "future timestamp (6 minutes ahead)", null, Refusal.at(now + 360)));
      out.add(Arguments.of(path, "tampered body", null, Refusal.tampered(now)));
      out.add(Arguments.of(path, "no headers", null, Refusal.headers(Map.of())));
      out.add(Arguments.of(path, "timestamp only", null, Refusal.only(now, true)));
      out.add(Arguments.of(path, "signature only", null, Refusal.only(now, false)));
      out.add(Arguments.of(path, "signature of another version", null, Refusal.version(now)));
      out.add(Arguments.of(path, "timestamp not a number", null, Refusal.notANumber(now)));
    }
    return out.stream();
  }

  /** How a refused request is made: its headers for a given body. */
  interface Refusal {
    Map<String, String> headers(String body);

    static Refusal wrongSecret(long now) {
      return body -> SlackRequests.headers("not-the-secret", now, body);
    }

    static Refusal at(long timestamp) {
      return body -> SlackRequests.headers(SlackRequests.SECRET, timestamp, body);
    }

    static Refusal tampered(long now) {
      return body ->
          SlackRequests.headers(SlackRequests.SECRET, now, body.replace("inner", "outer"));
    }

    static Refusal headers(Map<String, String> headers) {
      return body -> headers;
    }

    static Refusal only(long now, boolean timestamp) {
      return body -> {
        Map<String, String> all = SlackRequests.headers(SlackRequests.SECRET, now, body);
        String keep = timestamp ? "X-Slack-Request-Timestamp" : "X-Slack-Signature";
        return Map.of(keep, all.get(keep));
      };
    }

    static Refusal version(long now) {
      return body -> {
        Map<String, String> all =
            new HashMap<>(SlackRequests.headers(SlackRequests.SECRET, now, body));
        all.put("X-Slack-Signature", all.get("X-Slack-Signature").replace("v0=", "v1="));
        return all;
      };
    }

    static Refusal notANumber(long now) {
      return body -> {
        Map<String, String> all =
            new HashMap<>(SlackRequests.headers(SlackRequests.SECRET, now, body));
        all.put("X-Slack-Request-Timestamp", now + ".0");
        return all;
      };
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("refusals")
  void unsignedOrBadlySignedRequestsAreRefusedWithAnEmpty401(
      String path, String why, Object unused, Refusal refusal) throws Exception {
    String contentType;
    String body;
    switch (path) {
      case SlackFace.COMMANDS -> {
        contentType = SlackRequests.FORM;
        body =
            SlackRequests.slashCommand(
                "What is inner alignment?", slack.responseUrl("commands/bad"));
      }
      case SlackFace.EVENTS -> {
        contentType = SlackRequests.JSON;
        body =
            BlockKit.GSON.toJson(
                mention(
                    "Ev0666",
                    "<@" + BOT_USER + "> What is inner alignment?",
                    "1700000666.000100",
                    null));
      }
      default -> {
        contentType = SlackRequests.FORM;
        body = SlackRequests.form(Map.of("payload", feedbackPayload()));
      }
    }
    assertThat(body).contains("inner");
    SlackRequests.Reply reply = requests.post(path, contentType, body, refusal.headers(body));
    assertThat(reply.status()).as(why).isEqualTo(401);
    assertThat(reply.body()).as(why).isEmpty();

    // Nothing was processed: no call to Slack, nothing journalled.
    assertThat(face.awaitIdle(WAIT)).isTrue();
    assertThat(slack.poll(Duration.ofMillis(300))).isNull();
    assertThat(journal).isEmpty();

    // And the same request, signed properly, would have been handled (the refusal was the
    // signature's doing).
    if (!path.equals(SlackFace.INTERACTIONS)) {
      assertThat(requests.signed(path, contentType, body).status()).isEqualTo(200);
    }
  }

  @Test
  void urlVerificationIsRefusedUnsignedToo() {
    String body =
        "{\"token\":\"x\",\"challenge\":\"secret-challenge\",\"type\":\"url_verification\"}";
    SlackRequests.Reply reply = requests.post(SlackFace.EVENTS, SlackRequests.JSON, body, Map.of());
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.body()).isEmpty();
  }

  // ------------------------------------------------------------------ long answers

  @Test
  void aLongAnswerIsCutWithinSlacksLimitsWithALinkToTheFullAnswer(@TempDir Path dir)
      throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    StringBuilder entry = new StringBuilder("Question: How long can an answer be?\n\n");
    for (int p = 1; p <= 40; p++) {
      for (int s = 1; s <= 6; s++) {
        entry
            .append("Paragraph ")
            .append(p)
            .append(" sentence ")
            .append(s)
            .append(
                " says that answers & <u>links</u> <can> be long, and keeps going for a while. ");
      }
      entry.append("\n\n");
    }
    entry.append("- a bullet at the end\n- another\n");
    Files.writeString(corpus.resolve("how-long-can-an-answer-be.txt"), entry.toString());
    Files.writeString(
        corpus.resolve("what-is-short.txt"), "Question: What is short?\n\nShort is short.\n");
    try (Bot bot = Bot.open(corpus, dir.resolve("index"), false, report -> {})) {
      start(bot.answerer(), Map.of());
      requests.signed(
          SlackFace.COMMANDS,
          SlackRequests.FORM,
          SlackRequests.slashCommand(
              "How long can an answer be?", slack.responseUrl("commands/long")));
      SlashCommandResponse answer = BlockKit.commandResponse(slack.next(WAIT).body());
      List<String> sections = BlockKit.sections(answer.getBlocks());
      String last =
          sections.stream()
              .filter(s -> s.contains("Read the full answer"))
              .findFirst()
              .orElseThrow();
      assertThat(last)
          .contains("<" + PUBLIC + "/faq/how-long-can-an-answer-be|Read the full answer>")
          .contains("keeps going for a while. \u2026");
      assertThat(String.join("", sections).length())
          .isLessThanOrEqualTo(SlackMessages.BODY_BUDGET + 200);
      assertThat(BlockKit.allText(answer.getBlocks()))
          .contains("answers &amp; links &lt;can&gt; be long")
          .doesNotContain("Paragraph 40");
      assertThat(answer.getBlocks()).hasSizeLessThanOrEqualTo(50);
    }
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Asks in a channel by mentioning the app, and returns the answer as the message Slack then
   * shows.
   */
  private Message askInChannel(String question) throws Exception {
    String ts = "17000001" + String.format("%02d", Math.abs(question.hashCode()) % 100) + ".000100";
    requests.signed(
        SlackFace.EVENTS,
        SlackRequests.JSON,
        BlockKit.GSON.toJson(
            mention(
                "EvAsk" + Math.abs(question.hashCode()),
                "<@" + BOT_USER + "> " + question,
                ts,
                null)));
    ChatPostMessageRequest post = BlockKit.postMessage(slack.next(WAIT).body());
    return SlackPayloads.posted(post, BOT_USER, "1700000200.000100");
  }

  /**
   * Clicks a button the way Slack reports it: a signed form with the block_actions payload as JSON.
   */
  private SlackRequests.Reply click(
      Message message, ButtonElement button, String responseUrl, boolean ephemeral) {
    return requests.signed(
        SlackFace.INTERACTIONS,
        SlackRequests.FORM,
        SlackPayloads.blockActions(message, button, responseUrl, ephemeral));
  }

  private String feedbackPayload() {
    return "{\"type\":\"block_actions\",\"response_url\":\""
        + slack.responseUrl("actions/bad")
        + "\","
        + "\"actions\":[{\"action_id\":\"feedback_yes\",\"type\":\"button\","
        + "\"value\":\"what-is-inner-alignment\\nWhat is inner alignment?\"}]}";
  }

  private static AppMentionPayload mention(
      String eventId, String text, String ts, String threadTs) {
    return SlackPayloads.mention(eventId, BOT_USER, text, ts, threadTs);
  }

  private static MessagePayload direct(String eventId, String user, String text, String ts) {
    return SlackPayloads.direct(eventId, BOT_USER, user, text, ts);
  }

  private static void envelope(EventsApiPayload<?> payload, String eventId) {
    SlackPayloads.envelope(payload, eventId, BOT_USER);
  }

  private static ButtonElement button(List<LayoutBlock> blocks, String actionId) {
    return BlockKit.buttons(blocks).stream()
        .filter(b -> b.getActionId().equals(actionId))
        .findFirst()
        .orElseThrow();
  }

  /** The one vote journalled. */
  private FeedbackRecord onlyVote() {
    List<FeedbackRecord> votes =
        journal.stream().filter(r -> FeedbackRecord.FEEDBACK.equals(r.type())).toList();
    assertThat(votes).hasSize(1);
    return votes.get(0);
  }
}
