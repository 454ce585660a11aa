package faqbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {
  @Test
  void offWithoutASigningSecret() {
    assertThat(SlackSettings.fromEnv(Map.of())).isEmpty();
    assertThat(SlackSettings.fromEnv(Map.of(SlackSettings.SIGNING_SECRET, "  "))).isEmpty();
    assertThat(SlackSettings.fromEnv(Map.of(SlackSettings.BOT_TOKEN, "xoxb-1"))).isEmpty();
  }

  @Test
  void defaults() {
    SlackSettings s =
        SlackSettings.fromEnv(Map.of(SlackSettings.SIGNING_SECRET, "s3cret")).orElseThrow();
    assertThat(s.signingSecret()).isEqualTo("s3cret");
    assertThat(s.botToken()).isNull();
    assertThat(s.apiBase()).hasToString("https://slack.com/api");
    assertThat(s.publicUrl()).isNull();
    assertThat(s.fullAnswerUrl("x")).isNull();
    assertThat(s.inChannel()).isFalse();
    assertThat(s.workers()).isEqualTo(SlackSettings.DEFAULT_WORKERS);
    assertThat(s.queue()).isEqualTo(SlackSettings.DEFAULT_QUEUE);
  }

  @Test
  void readsEveryVariable() {
    SlackSettings s =
        SlackSettings.fromEnv(
                Map.of(
                    SlackSettings.SIGNING_SECRET, "s3cret",
                    SlackSettings.BOT_TOKEN, "xoxb-123",
                    SlackSettings.API_URL, "http://127.0.0.1:9999/api/",
                    SlackSettings.PUBLIC_URL, "https://faq.example.org/",
                    SlackSettings.BOT_USER_ID, "U123",
                    SlackSettings.COMMAND_REPLIES, "in_channel",
                    SlackSettings.WORKERS, "3",
                    SlackSettings.QUEUE, "7"))
            .orElseThrow();
    assertThat(s.botToken()).isEqualTo("xoxb-123");
    assertThat(s.apiBase()).hasToString("http://127.0.0.1:9999/api");
    assertThat(s.fullAnswerUrl("what-is-ai-alignment"))
        .isEqualTo("https://faq.example.org/faq/what-is-ai-alignment");
    assertThat(s.fullAnswerUrl("a b|c")).isEqualTo("https://faq.example.org/faq/a%20b%7Cc");
    assertThat(s.botUserId()).isEqualTo("U123");
    assertThat(s.inChannel()).isTrue();
    assertThat(s.workers()).isEqualTo(3);
    assertThat(s.queue()).isEqualTo(7);
  }

  @Test
  void refusesUnusableValues() {
    assertThatThrownBy(
            () ->
                SlackSettings.fromEnv(
                    Map.of(SlackSettings.SIGNING_SECRET, "s", SlackSettings.WORKERS, "many")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SLACK_WORKERS");
    assertThatThrownBy(
            () ->
                SlackSettings.fromEnv(
                    Map.of(SlackSettings.SIGNING_SECRET, "s", SlackSettings.WORKERS, "0")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                SlackSettings.fromEnv(
                    Map.of(
                        SlackSettings.SIGNING_SECRET,
                        "s",
                        SlackSettings.API_URL,
                        "ftp://slack.com/api")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                SlackSettings.fromEnv(
                    Map.of(
                        SlackSettings.SIGNING_SECRET,
                        "s",
                        SlackSettings.PUBLIC_URL,
                        "https://x.org/<a>")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                SlackSettings.fromEnv(
                    Map.of(
                        SlackSettings.SIGNING_SECRET, "s", SlackSettings.COMMAND_REPLIES, "loud")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void neverPrintsTheSecretOrTheToken() {
    SlackSettings s =
        SlackSettings.fromEnv(
                Map.of(
                    SlackSettings.SIGNING_SECRET,
                    "s3cret-value",
                    SlackSettings.BOT_TOKEN,
                    "xoxb-token-value"))
            .orElseThrow();
    assertThat(s.toString()).doesNotContain("s3cret-value").doesNotContain("xoxb-token-value");
  }

  @Test
  void responseUrlsMustBeSlacksOrTheConfiguredApiHost() {
    SlackSettings s =
        SlackSettings.fromEnv(
                Map.of(
                    SlackSettings.SIGNING_SECRET,
                    "s",
                    SlackSettings.API_URL,
                    "http://127.0.0.1:9999/api"))
            .orElseThrow();
    SlackClient client = new SlackClient(s, new ObjectMapper());
    assertThat(client.allowedResponseUrl("https://hooks.slack.com/commands/T1/2/abc")).isTrue();
    assertThat(client.allowedResponseUrl("https://hooks.slack-gov.com/actions/T1/2/abc")).isTrue();
    assertThat(client.allowedResponseUrl("http://127.0.0.1:9999/hooks/x")).isTrue();
    assertThat(client.allowedResponseUrl("http://hooks.slack.com/commands/x")).isFalse();
    assertThat(client.allowedResponseUrl("https://hooks.slack.com.evil.example/x")).isFalse();
    assertThat(client.allowedResponseUrl("https://evil.example/?hooks.slack.com")).isFalse();
    assertThat(client.allowedResponseUrl("https://user@hooks.slack.com/x")).isFalse();
    assertThat(client.allowedResponseUrl("http://127.0.0.1:9998/hooks/x")).isFalse();
    assertThat(client.allowedResponseUrl("http://169.254.169.254/latest")).isFalse();
    assertThat(client.allowedResponseUrl("not a url")).isFalse();
    assertThat(client.allowedResponseUrl(null)).isFalse();
  }
}
