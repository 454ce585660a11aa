package faqbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the client does with Slack's answers, against a fake Slack on the loopback interface; rate
 * limits above all.
 */
class SlackClientTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeSlack slack;
  private SlackSettings settings;
  private final ObjectNode message =
      JSON.createObjectNode().put("channel", "C1").put("text", "hello");

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlack();
    settings =
        SlackSettings.fromEnv(
                Map.of(
                    SlackSettings.SIGNING_SECRET,
                    "s",
                    SlackSettings.BOT_TOKEN,
                    "xoxb-t",
                    SlackSettings.API_URL,
                    slack.apiUrl()))
            .orElseThrow();
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  @Test
  void aPostRateLimitedOnceIsSentAgainAfterRetryAfter() throws Exception {
    slack.rateLimit(FakeSlack.Limit.STATUS, "1", 1);
    assertThat(new SlackClient(settings, JSON).postMessage(message)).isTrue();

    FakeSlack.Call refused = slack.next(WAIT);
    FakeSlack.Call sent = slack.next(WAIT);
    assertThat(sent.path()).isEqualTo("/api/chat.postMessage").isEqualTo(refused.path());
    assertThat(sent.body()).isEqualTo(refused.body());
    assertThat(sent.after(refused)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aResponseUrlPostRateLimitedOnceIsSentAgain() throws Exception {
    slack.rateLimit(FakeSlack.Limit.STATUS, "1", 1);
    assertThat(new SlackClient(settings, JSON).respond(slack.responseUrl("commands/1"), message))
        .isTrue();
    FakeSlack.Call refused = slack.next(WAIT);
    assertThat(slack.next(WAIT).after(refused)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void theRatelimitedErrorInAnOkAnswerIsRetriedToo() throws Exception {
    slack.rateLimit(FakeSlack.Limit.BODY, "1", 1);
    assertThat(new SlackClient(settings, JSON).postMessage(message)).isTrue();
    assertThat(slack.all()).hasSize(2);
  }

  @Test
  void anAsynchronousPostWaitsForItsRetryWithoutHoldingTheCaller() throws Exception {
    slack.rateLimit(FakeSlack.Limit.STATUS, "1", 1);
    long start = System.nanoTime();
    CompletableFuture<Boolean> sent = new SlackClient(settings, JSON).postMessageAsync(message);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(sent.isDone()).isFalse(); // it cannot be: the retry waits a second
    assertThat(sent.get()).isTrue();
    assertThat(slack.all()).hasSize(2);
  }

  @Test
  void aRetryThatWouldStartPastTheBudgetIsNotMadeAndOneLineSaysSo() throws Exception {
    slack.rateLimit(FakeSlack.Limit.STATUS, "60", Integer.MAX_VALUE);
    long start = System.nanoTime();
    boolean sent;
    try (CapturedLog log = new CapturedLog()) {
      sent = new SlackClient(settings, JSON).postMessage(message);
      assertThat(log.lines(SlackClient.class))
          .singleElement()
          .asString()
          .contains("chat.postMessage is rate limited (Retry-After 60 s) after 1 try: giving up");
    }
    assertThat(sent).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SlackClient.REQUEST_TIMEOUT);
    assertThat(slack.all()).hasSize(1);
  }

  @Test
  void retriesStopWhenTheBudgetIsSpent() throws Exception {
    slack.rateLimit(FakeSlack.Limit.STATUS, "1", Integer.MAX_VALUE);
    Duration budget = Duration.ofSeconds(3);
    long start = System.nanoTime();
    boolean sent;
    try (CapturedLog log = new CapturedLog()) {
      sent =
          new SlackClient(settings, JSON, budget).respond(slack.responseUrl("commands/2"), message);
      assertThat(log.lines(SlackClient.class))
          .singleElement()
          .asString()
          .contains("the response_url at 127.0.0.1 is rate limited")
          .contains("giving up");
    }
    assertThat(sent).isFalse();
    // Tries at 0 s and about 1 s, and at about 2 s unless the machine is slow: never one past the
    // budget.
    assertThat(slack.all()).hasSizeBetween(2, 3);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(budget.plus(SlackClient.REQUEST_TIMEOUT));
  }

  @Test
  void aWorkerInterruptedWhileWaitingGivesUpAndNoRetryFollows() throws Exception {
    slack.rateLimit(FakeSlack.Limit.STATUS, "1", 1);
    SlackClient client = new SlackClient(settings, JSON);
    AtomicBoolean sent = new AtomicBoolean(true);
    Thread worker = new Thread(() -> sent.set(client.postMessage(message)));
    worker.start();
    slack.next(WAIT); // rate-limited: the worker now waits a second
    worker.interrupt();
    worker.join(WAIT.toMillis());
    assertThat(worker.isAlive()).isFalse();
    assertThat(sent.get()).isFalse();
    assertThat(slack.poll(Duration.ofMillis(1500))).isNull();
  }
}
