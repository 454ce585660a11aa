package faqbot.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Encodes a {@link ConversationContext} as a short opaque token and reads it back. The token
 * carries only entry ids and a question, nothing secret, so it is not signed: a forged token can
 * only point at entries anyone can ask for. It is checked strictly on the way in.
 */
public final class ContextTokens {
  /**
   * The longest token accepted. Most are a few hundred characters, but the server must accept every
   * token it issues: a question of {@link Answerer#MAX_MESSAGE_CHARS} characters takes up to 6
   * bytes each in JSON (3 in UTF-8, 6 when escaped), 24,000 bytes, and 21 ids of up to 255
   * characters (what a file name gives) some 5,400 more; in base64 that is under 39,300 characters.
   */
  public static final int MAX_LENGTH = 40_960;

  private static final String VERSION = "c1.";
  private static final int MAX_OFFERED = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ContextTokens() {}

  public static String encode(ConversationContext context) {
    try {
      byte[] json = JSON.writeValueAsBytes(context);
      return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a context always serializes", e);
    }
  }

  /**
   * Reads a token this server (or another replica) issued.
   *
   * @throws InvalidMessageException when it is not one
   */
  public static ConversationContext decode(String token) {
    if (token.length() > MAX_LENGTH) {
      throw new InvalidMessageException(
          "the context token is "
              + token.length()
              + " characters long; the limit is "
              + MAX_LENGTH);
    }
    if (!token.startsWith(VERSION)) {
      throw new InvalidMessageException(
          "the context token is not one this server issued (send back the 'context'"
              + " of the previous answer unchanged, or none)");
    }
    try {
      byte[] json = Base64.getUrlDecoder().decode(token.substring(VERSION.length()));
      ConversationContext context =
          JSON.readValue(new String(json, StandardCharsets.UTF_8), ConversationContext.class);
      if (context == null // the JSON "null"
          || context.offered().size() > MAX_OFFERED
          || context.question() != null
              && context.question().length() > Answerer.MAX_MESSAGE_CHARS) {
        throw new InvalidMessageException("the context token is not one this server issued");
      }
      return context;
    } catch (IllegalArgumentException | JsonProcessingException e) {
      throw new InvalidMessageException(
          "the context token is not one this server issued (it does not decode)");
    }
  }
}
