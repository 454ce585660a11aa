package faqbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which Events API callbacks the bot answers: a person's mention of the app or direct
 * message to it, once, however often Slack delivers it. Bots (the app itself above all), edits,
 * deletions and joins are passed over.
 */
final class EventFilter {
  private static final Logger LOG = LoggerFactory.getLogger(EventFilter.class);

  /**
   * A message to answer.
   *
   * @param channel where it was posted
   * @param thread the thread to answer in: its own, or the one it was posted in
   * @param text what it says, as plain text (mentions removed, Slack's escapes undone); may be
   *     empty
   */
  record Question(String channel, String thread, String text) {}

  private final String botUserId;
  private final Predicate<String> recent;

  /**
   * @param botUserId the app's own bot user, or null to know it from each event's {@code
   *     authorizations}
   * @param recent the ids already answered
   */
  EventFilter(String botUserId, Predicate<String> recent) {
    this.botUserId = botUserId;
    this.recent = recent;
  }

  /**
   * The question in an {@code event_callback} payload, or empty when it is not for the bot or was
   * already seen.
   *
   * @param retry Slack's {@code X-Slack-Retry-Num} for a redelivery, or null; only logged
   */
  Optional<Question> toAnswer(JsonNode payload, String retry) {
    JsonNode event = payload.path("event");
    String type = event.path("type").asText();
    boolean mention = "app_mention".equals(type);
    boolean direct = "message".equals(type) && "im".equals(event.path("channel_type").asText());
    if (!mention && !direct) {
      return Optional.empty();
    }
    // Never answer a bot (ourselves least of all), nor edits, deletions, joins and the like.
    if (event.hasNonNull("bot_id")
        || event.hasNonNull("bot_profile")
        || event.hasNonNull("subtype")) {
      return Optional.empty();
    }
    String user = event.path("user").asText("");
    if (user.isEmpty() || ownUser(payload, user)) {
      return Optional.empty();
    }
    String eventId = payload.path("event_id").asText("");
    String channel = event.path("channel").asText("");
    String ts = event.path("ts").asText("");
    if (channel.isEmpty() || ts.isEmpty()) {
      return Optional.empty();
    }
    // The same message can come as a retry of its event, or as both a mention and a direct message.
    if (!eventId.isEmpty() && !recent.test("event:" + eventId)) {
      LOG.debug("event {} already handled (retry {})", eventId, retry);
      return Optional.empty();
    }
    if (!recent.test("message:" + channel + ":" + ts)) {
      return Optional.empty();
    }
    String threadTs = event.path("thread_ts").asText("");
    return Optional.of(
        new Question(
            channel,
            threadTs.isEmpty() ? ts : threadTs,
            Mrkdwn.fromSlack(event.path("text").asText(""))));
  }

  /** Whether {@code user} is this app's own bot user. */
  private boolean ownUser(JsonNode payload, String user) {
    if (user.equals(botUserId)) {
      return true;
    }
    for (JsonNode auth : payload.path("authorizations")) {
      if (auth.path("is_bot").asBoolean(false) && user.equals(auth.path("user_id").asText())) {
        return true;
      }
    }
    return false;
  }
}
