package faqbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.model.Message;
import com.slack.api.model.block.element.ButtonElement;
import faqbot.answer.Answerer;
import faqbot.feedback.FeedbackRecord;
import faqbot.http.HttpApp;
import faqbot.http.HttpOptions;
import faqbot.testing.Fixtures;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Slack routes as {@code faqbot serve} will run them: registered through {@link
 * HttpOptions#extraRoutes()} on the HTTP face's own server, with its body size limit, security
 * headers and error handlers in force.
 */
class SlackHttpAppIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String BOT_USER = "U0BOTUSER";

  private final List<FeedbackRecord> journal = Collections.synchronizedList(new ArrayList<>());
  private FakeSlack slack;
  private Javalin app;
  private SlackRequests requests;

  @BeforeEach
  void start() throws IOException {
    Answerer answerer = Fixtures.bundledBot().answerer();
    slack = new FakeSlack();
    Consumer<JavalinConfig> routes =
        SlackFace.fromEnv(
                Map.of(
                    SlackSettings.SIGNING_SECRET,
                    SlackRequests.SECRET,
                    SlackSettings.BOT_TOKEN,
                    "xoxb-http-app",
                    SlackSettings.API_URL,
                    slack.apiUrl(),
                    SlackSettings.PUBLIC_URL,
                    "https://faq.example.org"),
                answerer,
                journal::add)
            .orElseThrow();
    app =
        HttpApp.create(answerer, new HttpOptions(List.of(), List.of(routes), journal::add))
            .start("127.0.0.1", 0);
    requests = new SlackRequests("http://127.0.0.1:" + app.port());
  }

  @AfterEach
  void stop() {
    app.stop();
    slack.close();
  }

  @Test
  void slackRoutesLiveBesideTheApi() throws Exception {
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);

    String verification =
        "{\"token\":\"t\",\"challenge\":\"abc123\",\"type\":\"url_verification\"}";
    SlackRequests.Reply signed =
        requests.signed(SlackFace.EVENTS, SlackRequests.JSON, verification);
    assertThat(signed.status()).isEqualTo(200);
    assertThat(signed.body()).isEqualTo("abc123");

    for (String path : List.of(SlackFace.COMMANDS, SlackFace.EVENTS, SlackFace.INTERACTIONS)) {
      SlackRequests.Reply unsigned =
          requests.post(path, SlackRequests.JSON, verification, Map.of());
      assertThat(unsigned.status()).as(path).isEqualTo(401);
      assertThat(unsigned.body()).as(path).isEmpty();
    }
    assertThat(slack.poll(Duration.ofMillis(300))).isNull();
  }

  @Test
  void theLongestAnswerAndAClickOnItFitTheServersBodyLimit() throws Exception {
    requests.signed(
        SlackFace.EVENTS,
        SlackRequests.JSON,
        BlockKit.GSON.toJson(
            SlackPayloads.mention(
                "EvHttp1",
                BOT_USER,
                "<@" + BOT_USER + "> what is the likelihood of inner misalignment?",
                "1700000500.000100",
                null)));
    FakeSlack.Call call = slack.next(WAIT);
    assertThat(call.header("Authorization")).isEqualTo("Bearer xoxb-http-app");
    ChatPostMessageRequest post = BlockKit.postMessage(call.body());

    Message message = SlackPayloads.posted(post, BOT_USER, "1700000501.000100");
    ButtonElement yes =
        BlockKit.buttons(post.getBlocks()).stream()
            .filter(b -> b.getActionId().equals(SlackMessages.FEEDBACK_YES))
            .findFirst()
            .orElseThrow();
    String click =
        SlackPayloads.blockActions(message, yes, slack.responseUrl("actions/http"), false);
    // Slack sends the whole message back with a click; it must stay well within the server's limit.
    assertThat((long) click.length()).isLessThan(HttpApp.MAX_BODY_BYTES / 2);

    SlackRequests.Reply reply = requests.signed(SlackFace.INTERACTIONS, SlackRequests.FORM, click);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(journal)
        .filteredOn(r -> FeedbackRecord.FEEDBACK.equals(r.type()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.answerId()).isEqualTo("what-is-the-likelihood-of-inner-misalignment");
              assertThat(r.helpful()).isTrue();
            });
    ActionResponse update = BlockKit.actionResponse(slack.next(WAIT).body());
    assertThat(update.isReplaceOriginal()).isTrue();
  }

  @Test
  void aSlashCommandIsAnsweredThroughTheHttpApp() throws Exception {
    SlackRequests.Reply reply =
        requests.signed(
            SlackFace.COMMANDS,
            SlackRequests.FORM,
            SlackRequests.slashCommand(
                "what is a treacherous turn", slack.responseUrl("commands/http")));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.took()).isLessThan(Duration.ofSeconds(3));
    SlashCommandResponse answer = BlockKit.commandResponse(slack.next(WAIT).body());
    assertThat(BlockKit.allText(answer.getBlocks())).contains("What is a treacherous turn?");
  }
}
