package faqbot.fuzz;

import static faqbot.fuzz.Check.that;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import faqbot.answer.Answerer;
import faqbot.answer.ContextTokens;
import faqbot.answer.ConversationContext;
import faqbot.answer.InvalidMessageException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link ContextTokens#encode} then {@link ContextTokens#decode} on contexts built from fuzz
 * data: ids and questions of any characters (lone surrogates, control characters and all) or ids as
 * a corpus gives them, null or not, and lists of offered ids of any length. Seeds (raw {@code
 * FuzzedDataProvider} bytes, so the inputs of past findings and of the fuzzer's corpus) in {@code
 * src/test/resources/faqbot/fuzz/ContextTokensRoundTripFuzzTestInputs/roundTrip/}.
 *
 * <p>Declared behaviour checked: {@code encode} never throws (a context always serializes); a
 * context the server can issue (a question of at most {@link Answerer#MAX_MESSAGE_CHARS} characters
 * of any kind, at most 20 offered ids, ids as a corpus file gives them: lowercase ASCII letters,
 * digits and hyphens, at most {@value #MAX_ID_CHARS}) comes back equal; any other context comes
 * back equal or is refused with {@link InvalidMessageException}.
 */
class ContextTokensRoundTripFuzzTest {
  /** The longest id a corpus file can give: a file name has at most 255 bytes. */
  static final int MAX_ID_CHARS = 255;

  private static final int MAX_OFFERED = 20;
  private static final String SLUG_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-";
  private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1," + MAX_ID_CHARS + "}");

  @FuzzTest(maxDuration = "10m")
  void roundTrip(FuzzedDataProvider data) {
    String entryId = nullableId(data);
    String question = nullableString(data, Answerer.MAX_MESSAGE_CHARS + 10);
    int offeredCount = data.consumeInt(0, MAX_OFFERED + 2);
    List<String> offered = new ArrayList<>();
    for (int i = 0; i < offeredCount; i++) {
      offered.add(nullableId(data));
    }
    ConversationContext context = new ConversationContext(entryId, question, offered);

    String token;
    try {
      token = ContextTokens.encode(context);
    } catch (RuntimeException e) {
      throw Check.unexpected("encode threw", e);
    }
    that(token != null && token.startsWith("c1."), "bad token %s", token);

    boolean issuable =
        (question == null || question.length() <= Answerer.MAX_MESSAGE_CHARS)
            && offered.size() <= MAX_OFFERED
            && idFits(entryId)
            && offered.stream().allMatch(ContextTokensRoundTripFuzzTest::idFits);
    ConversationContext back;
    try {
      back = ContextTokens.decode(token);
    } catch (InvalidMessageException e) {
      that(
          !issuable,
          "a context the server can issue is refused (token of %d characters): %s",
          token.length(),
          e.getMessage());
      return;
    } catch (RuntimeException e) {
      throw Check.unexpected("decode threw", e);
    }
    that(context.equals(back), "round trip changed the context: %s -> %s", context, back);
  }

  /** The contexts that made the first finding concrete: the longest tokens the server can issue. */
  @Test
  void theLongestContextsTheServerIssuesComeBack() {
    String slug = "a".repeat(MAX_ID_CHARS);
    List<String> offered = Collections.nCopies(MAX_OFFERED, slug);
    for (String question :
        List.of(
            "\u4eba"
                .repeat(
                    Answerer
                        .MAX_MESSAGE_CHARS), // a declined question in Chinese: 3 bytes a character
            "\ud800"
                .repeat(
                    Answerer
                        .MAX_MESSAGE_CHARS), // unpaired surrogates (a JSON escape gives them): 6
            // bytes
            "\"".repeat(Answerer.MAX_MESSAGE_CHARS))) {
      ConversationContext context =
          new ConversationContext(slug, Answerer.normalize(question), offered);
      if (!ContextTokens.decode(ContextTokens.encode(context)).equals(context)) {
        throw new AssertionError("round trip changed " + context);
      }
    }
  }

  private static boolean idFits(String id) {
    return id == null || SLUG.matcher(id).matches();
  }

  /** Null, an id as a corpus gives it (up to a little too long), or any string. */
  private static String nullableId(FuzzedDataProvider data) {
    if (!data.consumeBoolean()) {
      return nullableString(data, MAX_ID_CHARS + 10);
    }
    String letters = data.consumeAsciiString(16);
    int length = data.consumeInt(1, MAX_ID_CHARS + 2);
    StringBuilder id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      char c = letters.isEmpty() ? 'a' : letters.charAt(i % letters.length());
      id.append(SLUG_CHARS.charAt(c % SLUG_CHARS.length()));
    }
    return id.toString();
  }

  /**
   * Null, or a string of any UTF-16 code units: built char by char, or as Jazzer's (valid) strings.
   */
  private static String nullableString(FuzzedDataProvider data, int maxLength) {
    switch (data.consumeInt(0, 3)) {
      case 0:
        return null;
      case 1:
        {
          // Any chars at all: unpaired surrogates, control characters, U+FFFF. Repeated, to reach
          // long strings.
          char[] unit = new char[data.consumeInt(1, 8)];
          for (int i = 0; i < unit.length; i++) {
            unit[i] = data.consumeChar();
          }
          int times = data.consumeInt(1, maxLength);
          StringBuilder s = new StringBuilder();
          for (int i = 0;
              i < times && unit.length > 0 && s.length() + unit.length <= maxLength;
              i++) {
            s.append(unit);
          }
          return s.toString();
        }
      default:
        return data.consumeString(maxLength);
    }
  }
}
