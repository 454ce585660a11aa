package faqbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.events.payload.MessagePayload;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which events the bot answers, on payloads built with Slack's SDK as Slack sends them. */
class SlackEventFilterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BOT_USER = "U0BOTUSER";

  private final EventFilter filter =
      new EventFilter(
          null, new RecentIds(100, Duration.ofMinutes(30), Clock.systemUTC())::firstTime);

  private static JsonNode json(Object payload) throws Exception {
    return JSON.readTree(BlockKit.GSON.toJson(payload));
  }

  @Test
  void aMentionIsAnsweredInItsOwnThreadAndAReplyInItsThread() throws Exception {
    assertThat(
            filter.toAnswer(
                json(
                    SlackPayloads.mention(
                        "Ev1",
                        BOT_USER,
                        "<@" + BOT_USER + "> what is &lt;x&gt;?",
                        "1700000001.000100",
                        null)),
                null))
        .contains(new EventFilter.Question("C0CHANNEL", "1700000001.000100", "what is <x>?"));
    assertThat(
            filter.toAnswer(
                json(
                    SlackPayloads.mention(
                        "Ev2",
                        BOT_USER,
                        "<@" + BOT_USER + "> and y?",
                        "1700000002.000100",
                        "1700000000.000001")),
                null))
        .map(EventFilter.Question::thread)
        .contains("1700000000.000001");
  }

  @Test
  void aDirectMessageIsAnsweredButAChannelMessageIsNot() throws Exception {
    assertThat(
            filter.toAnswer(
                json(SlackPayloads.direct("Ev3", BOT_USER, "U0HUMAN", "hi", "1700000003.000100")),
                null))
        .map(EventFilter.Question::channel)
        .contains("D0DIRECT");
    MessagePayload channel =
        SlackPayloads.direct("Ev4", BOT_USER, "U0HUMAN", "hi", "1700000004.000100");
    channel.getEvent().setChannelType("channel");
    assertThat(filter.toAnswer(json(channel), null)).isEmpty();
  }

  @Test
  void botsEditsAndTheAppItselfAreNotAnswered() throws Exception {
    MessagePayload bot =
        SlackPayloads.direct("Ev5", BOT_USER, "U0OTHERBOT", "hi", "1700000005.000100");
    bot.getEvent().setBotId("B0OTHER");
    assertThat(filter.toAnswer(json(bot), null)).isEmpty();

    JsonNode edit =
        json(SlackPayloads.direct("Ev6", BOT_USER, "U0HUMAN", "hi", "1700000006.000100"));
    ((ObjectNode) edit.path("event")).put("subtype", "message_changed");
    assertThat(filter.toAnswer(edit, null)).isEmpty();

    // Known as the app's own user from the event's authorizations, or from the settings.
    assertThat(
            filter.toAnswer(
                json(SlackPayloads.direct("Ev7", BOT_USER, BOT_USER, "hi", "1700000007.000100")),
                null))
        .isEmpty();
    EventFilter configured =
        new EventFilter(
            "U0SELF", new RecentIds(10, Duration.ofMinutes(1), Clock.systemUTC())::firstTime);
    assertThat(
            configured.toAnswer(
                json(SlackPayloads.direct("Ev8", BOT_USER, "U0SELF", "hi", "1700000008.000100")),
                null))
        .isEmpty();
  }

  @Test
  void aRetryOrTheSameMessageAsAnotherEventIsAnsweredOnce() throws Exception {
    JsonNode mention =
        json(
            SlackPayloads.mention(
                "Ev9", BOT_USER, "<@" + BOT_USER + "> q", "1700000009.000100", null));
    assertThat(filter.toAnswer(mention, null)).isPresent();
    assertThat(filter.toAnswer(mention, "1")).isEmpty();
    assertThat(
            filter.toAnswer(
                json(
                    SlackPayloads.mention(
                        "Ev10", BOT_USER, "<@" + BOT_USER + "> q", "1700000009.000100", null)),
                null))
        .isEmpty();
  }

  @Test
  void anEventWithoutItsPartsIsNotAnswered() throws Exception {
    assertThat(filter.toAnswer(JSON.readTree("{}"), null)).isEmpty();
    assertThat(
            filter.toAnswer(
                JSON.readTree("{\"event\":{\"type\":\"app_mention\",\"user\":\"U1\"}}"), null))
        .isEmpty();
  }
}
