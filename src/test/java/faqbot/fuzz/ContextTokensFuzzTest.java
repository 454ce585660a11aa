package faqbot.fuzz;

import static faqbot.fuzz.Check.that;

import com.code_intelligence.jazzer.junit.FuzzTest;
import faqbot.answer.Answerer;
import faqbot.answer.ContextTokens;
import faqbot.answer.ConversationContext;
import faqbot.answer.InvalidMessageException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Fuzzes {@link ContextTokens#decode} with tokens a client could send back: the input as it is
 * (UTF-8), and the input as the JSON inside a token of the current version ({@code "c1." +
 * base64url(input)}), which gets past the prefix and the base64 to the JSON reader.
 *
 * <p>Seeds, in {@code src/test/resources/faqbot/fuzz/ContextTokensFuzzTestInputs/decode/}: real
 * tokens, and the JSON of real and of malformed contexts.
 *
 * <p>Declared behaviour checked: the only exception is {@link InvalidMessageException}; a context
 * that decodes is within the limits the decoder enforces, and is one that {@link
 * ContextTokens#encode} turns into a token that decodes to it again.
 */
class ContextTokensFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void decode(byte[] input) {
    check(new String(input, StandardCharsets.UTF_8));
    check("c1." + Base64.getUrlEncoder().withoutPadding().encodeToString(input));
  }

  private static void check(String token) {
    ConversationContext context;
    try {
      context = ContextTokens.decode(token);
    } catch (InvalidMessageException e) {
      that(
          e.getMessage() != null && !e.getMessage().isBlank(),
          "InvalidMessageException without a message");
      return;
    } catch (RuntimeException | StackOverflowError e) {
      throw Check.unexpected("decode threw", e);
    }
    that(context != null, "decode returned null");
    that(
        context.offered() != null && context.offered().size() <= 20,
        "offered: %s",
        context.offered());
    that(
        context.question() == null || context.question().length() <= Answerer.MAX_MESSAGE_CHARS,
        "question of %d characters",
        context.question() == null ? 0 : context.question().length());
    String again;
    try {
      again = ContextTokens.encode(context);
    } catch (RuntimeException e) {
      throw Check.unexpected("encode of a decoded context threw", e);
    }
    ConversationContext back;
    try {
      back = ContextTokens.decode(again);
    } catch (RuntimeException e) {
      throw Check.unexpected(
          "a re-encoded context does not decode (token of " + again.length() + " chars)", e);
    }
    that(context.equals(back), "re-encoding changed the context: %s -> %s", context, back);
  }
}
