package faqbot.fuzz;

import static faqbot.fuzz.Check.that;

import com.code_intelligence.jazzer.junit.FuzzTest;
import faqbot.answer.Answerer;
import faqbot.answer.InvalidMessageException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link Answerer#normalize}, which every message goes through before it is answered.
 *
 * <p>The input is tried twice: decoded as UTF-8 (what a client sends), and read as raw UTF-16 code
 * units, so that unpaired surrogates and every control character are reached too. Seeds, in {@code
 * src/test/resources/faqbot/fuzz/NormalizeFuzzTestInputs/normalize/}.
 *
 * <p>Declared behaviour checked: the only exception is {@link InvalidMessageException} (for a
 * missing, empty or too long message); a normalized message is non-empty, at most {@link
 * Answerer#MAX_MESSAGE_CHARS} characters, has no control characters (Unicode category Cc), no runs
 * of spacing and nothing to strip at either end, and normalizing it again changes nothing.
 */
class NormalizeFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void normalize(byte[] input) {
    check(new String(input, StandardCharsets.UTF_8));
    check(ByteBuffer.wrap(input, 0, input.length & ~1).asCharBuffer().toString());
    if (input.length == 0) {
      check(null);
    }
  }

  private static void check(String message) {
    String text;
    try {
      text = Answerer.normalize(message);
    } catch (InvalidMessageException e) {
      that(
          e.getMessage() != null && !e.getMessage().isBlank(),
          "InvalidMessageException without a message");
      return;
    } catch (RuntimeException | StackOverflowError e) {
      throw Check.unexpected("normalize threw", e);
    }
    that(
        text != null && !text.isEmpty(),
        "empty result for a message of %d chars",
        message.length());
    that(text.length() <= Answerer.MAX_MESSAGE_CHARS, "result of %d characters", text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      that(Character.getType(c) != Character.CONTROL, "control character U+%04X at %d", (int) c, i);
    }
    that(text.equals(text.strip()), "result has whitespace at an end");
    that(!text.contains("  "), "result has a run of spaces");
    that(text.equals(Answerer.normalize(text)), "normalizing twice changes the message");
  }
}
