package faqbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.events.payload.AppMentionPayload;
import com.slack.api.app_backend.events.payload.Authorization;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.events.payload.MessagePayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.model.Message;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Events and interaction payloads as Slack sends them, built with Slack's own SDK model. */
final class SlackPayloads {
  private SlackPayloads() {}

  /**
   * The form body of a button click as Slack sends it: the block_actions payload as JSON in {@code
   * payload}.
   */
  static String blockActions(
      Message message, ButtonElement button, String responseUrl, boolean ephemeral) {
    BlockActionPayload.Action action = new BlockActionPayload.Action();
    action.setActionId(button.getActionId());
    action.setBlockId("blk");
    action.setType("button");
    action.setValue(button.getValue());
    action.setActionTs("1700000300.000100");
    BlockActionPayload.Action.Text text = new BlockActionPayload.Action.Text();
    text.setType("plain_text");
    text.setText(button.getText().getText());
    text.setEmoji(true);
    action.setText(text);

    BlockActionPayload.Container container = new BlockActionPayload.Container();
    container.setType("message");
    container.setMessageTs(message == null ? "1700000400.000100" : message.getTs());
    container.setChannelId("C0CHANNEL");
    container.setEphemeral(ephemeral);

    BlockActionPayload.User user = new BlockActionPayload.User();
    user.setId("U0HUMAN");
    user.setUsername("steve");
    user.setTeamId("T0001");
    BlockActionPayload.Team team = new BlockActionPayload.Team();
    team.setId("T0001");
    team.setDomain("example");
    BlockActionPayload.Channel channel = new BlockActionPayload.Channel();
    channel.setId("C0CHANNEL");
    channel.setName("general");

    BlockActionPayload payload =
        BlockActionPayload.builder()
            .team(team)
            .user(user)
            .apiAppId("A123456")
            .token("verification-token")
            .container(container)
            .triggerId("12466734323.1395872398.abcd")
            .channel(channel)
            .message(message)
            .responseUrl(responseUrl)
            .actions(List.of(action))
            .build();
    String json = BlockKit.GSON.toJson(payload);
    assertThat(json).contains("\"type\":\"block_actions\"").contains("\"response_url\"");
    return SlackRequests.form(Map.of("payload", json));
  }

  static AppMentionPayload mention(
      String eventId, String botUser, String text, String ts, String threadTs) {
    AppMentionEvent event = new AppMentionEvent();
    event.setUser("U0HUMAN");
    event.setText(text);
    event.setTs(ts);
    event.setEventTs(ts);
    event.setThreadTs(threadTs);
    event.setChannel("C0CHANNEL");
    event.setTeam("T0001");
    event.setClientMsgId("c0ffee-" + eventId);
    AppMentionPayload payload = new AppMentionPayload();
    envelope(payload, eventId, botUser);
    payload.setEvent(event);
    return payload;
  }

  static MessagePayload direct(
      String eventId, String botUser, String user, String text, String ts) {
    MessageEvent event = new MessageEvent();
    event.setUser(user);
    event.setText(text);
    event.setTs(ts);
    event.setEventTs(ts);
    event.setChannel("D0DIRECT");
    event.setChannelType("im");
    event.setTeam("T0001");
    MessagePayload payload = new MessagePayload();
    envelope(payload, eventId, botUser);
    payload.setEvent(event);
    return payload;
  }

  /**
   * The message Slack shows for what the bot posted with {@code chat.postMessage}, as a click
   * reports it back.
   */
  static Message posted(ChatPostMessageRequest post, String botUser, String ts) {
    Message message = new Message();
    message.setType("message");
    message.setUser(botUser);
    message.setBotId("B0OURS");
    message.setText(post.getText());
    message.setBlocks(post.getBlocks());
    message.setTs(ts);
    message.setThreadTs(post.getThreadTs());
    return message;
  }

  /** The envelope Slack wraps every event in, naming the app's bot user in its authorizations. */
  static void envelope(EventsApiPayload<?> payload, String eventId, String botUser) {
    Authorization auth = new Authorization();
    auth.setTeamId("T0001");
    auth.setUserId(botUser);
    auth.setIsBot(true);
    auth.setIsEnterpriseInstall(false);
    payload.setToken("verification-token");
    payload.setTeamId("T0001");
    payload.setApiAppId("A123456");
    payload.setType("event_callback");
    payload.setAuthorizations(List.of(auth));
    payload.setEventId(eventId);
    payload.setEventTime((int) Instant.now().getEpochSecond());
    if (payload instanceof AppMentionPayload) {
      payload.setEventContext("4-eyJldCI6ImFwcF9tZW50aW9uIn0");
    }
  }
}
