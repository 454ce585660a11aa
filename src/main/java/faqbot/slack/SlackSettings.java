package faqbot.slack;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the Slack face is set up, read from environment variables.
 *
 * @param signingSecret the app's signing secret ({@code SLACK_SIGNING_SECRET}); every request must
 *     be signed with it
 * @param botToken the bot token ({@code SLACK_BOT_TOKEN}, {@code xoxb-…}) for {@code
 *     chat.postMessage}; null when not set, in which case mentions and direct messages cannot be
 *     answered
 * @param apiBase the Web API base URL ({@code SLACK_API_URL}, default {@code
 *     https://slack.com/api}), without a trailing slash
 * @param publicUrl the public base URL of this server ({@code FAQBOT_PUBLIC_URL}) for "Read the
 *     full answer" links, without a trailing slash; null when not set
 * @param botUserId the app's own bot user ({@code SLACK_BOT_USER_ID}), whose messages are never
 *     answered; null to rely on the {@code authorizations} of each event and on {@code bot_id}
 * @param inChannel whether slash command answers are shown to the whole channel ({@code
 *     SLACK_COMMAND_REPLIES= in_channel}) rather than only to the person who asked (the default,
 *     {@code ephemeral})
 * @param workers how many answers are worked on at once ({@code SLACK_WORKERS}, default 2)
 * @param queue how many more may wait ({@code SLACK_QUEUE}, default 32); past that the bot says it
 *     is busy
 */
public record SlackSettings(
    String signingSecret,
    String botToken,
    URI apiBase,
    String publicUrl,
    String botUserId,
    boolean inChannel,
    int workers,
    int queue) {

  public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";
  public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
  public static final String API_URL = "SLACK_API_URL";
  public static final String PUBLIC_URL = "FAQBOT_PUBLIC_URL";
  public static final String BOT_USER_ID = "SLACK_BOT_USER_ID";
  public static final String COMMAND_REPLIES = "SLACK_COMMAND_REPLIES";
  public static final String WORKERS = "SLACK_WORKERS";
  public static final String QUEUE = "SLACK_QUEUE";

  public static final String DEFAULT_API_URL = "https://slack.com/api";
  public static final int DEFAULT_WORKERS = 2;
  public static final int DEFAULT_QUEUE = 32;

  public SlackSettings {
    if (signingSecret == null || signingSecret.isBlank()) {
      throw new IllegalArgumentException("the signing secret is required");
    }
    if (apiBase == null) {
      apiBase = URI.create(DEFAULT_API_URL);
    }
    apiBase = URI.create(stripSlash(apiBase.toString()));
    if (!"https".equalsIgnoreCase(apiBase.getScheme())
            && !"http".equalsIgnoreCase(apiBase.getScheme())
        || apiBase.getHost() == null) {
      throw new IllegalArgumentException(API_URL + " must be an http(s) URL, got " + apiBase);
    }
    botToken = blankToNull(botToken);
    publicUrl = publicUrl == null || publicUrl.isBlank() ? null : stripSlash(publicUrl.strip());
    if (publicUrl != null && !publicUrl.matches("https?://[^\\s<>|]+")) {
      throw new IllegalArgumentException(
          PUBLIC_URL + " must be an http(s) URL without spaces, '<', '>' or '|', got " + publicUrl);
    }
    botUserId = blankToNull(botUserId);
    if (workers < 1 || workers > 64) {
      throw new IllegalArgumentException(WORKERS + " must be from 1 to 64, got " + workers);
    }
    if (queue < 0 || queue > 10_000) {
      throw new IllegalArgumentException(QUEUE + " must be from 0 to 10000, got " + queue);
    }
  }

  /**
   * The settings in {@code env}, or empty when no signing secret is set there (the Slack face is
   * then off).
   *
   * @throws IllegalArgumentException when a variable is set to something unusable
   */
  public static Optional<SlackSettings> fromEnv(Map<String, String> env) {
    String secret = env.get(SIGNING_SECRET);
    if (secret == null || secret.isBlank()) {
      return Optional.empty();
    }
    String api = env.getOrDefault(API_URL, "");
    URI apiBase;
    try {
      apiBase = URI.create(api.isBlank() ? DEFAULT_API_URL : api.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(API_URL + " is not a URL: " + api, e);
    }
    String replies = env.getOrDefault(COMMAND_REPLIES, "").strip().toLowerCase(Locale.ROOT);
    if (!replies.isEmpty() && !replies.equals("ephemeral") && !replies.equals("in_channel")) {
      throw new IllegalArgumentException(
          COMMAND_REPLIES + " must be 'ephemeral' or 'in_channel', got " + replies);
    }
    return Optional.of(
        new SlackSettings(
            secret.strip(),
            env.get(BOT_TOKEN),
            apiBase,
            env.get(PUBLIC_URL),
            env.get(BOT_USER_ID),
            replies.equals("in_channel"),
            number(env, WORKERS, DEFAULT_WORKERS),
            number(env, QUEUE, DEFAULT_QUEUE)));
  }

  /**
   * A URL of this server where the entry {@code id} can be read in full, or null without a public
   * URL.
   */
  public String fullAnswerUrl(String id) {
    if (publicUrl == null || id == null) {
      return null;
    }
    return publicUrl + "/faq/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    // Never print the secret or the token.
    return "SlackSettings[apiBase="
        + apiBase
        + ", publicUrl="
        + publicUrl
        + ", botToken="
        + (botToken == null ? "unset" : "set")
        + ", botUserId="
        + botUserId
        + ", inChannel="
        + inChannel
        + ", workers="
        + workers
        + ", queue="
        + queue
        + "]";
  }

  private static int number(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got " + value, e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String stripSlash(String s) {
    String out = s;
    while (out.endsWith("/")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }
}
