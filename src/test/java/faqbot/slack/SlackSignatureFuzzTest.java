package faqbot.slack;

import static faqbot.fuzz.Check.that;

import com.code_intelligence.jazzer.junit.FuzzTest;
import faqbot.fuzz.Check;
import faqbot.fuzz.FuzzInputs;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Fuzzes the check every Slack request goes through first, {@link RequestVerifier#verify}, with
 * arbitrary timestamps, signatures and bodies.
 *
 * <p>Input: {@code timestamp NUL signature NUL body}; an input with fewer than two NULs is all
 * body, sent with the current time and no valid signature. Seeds, in {@code
 * src/test/resources/faqbot/slack/SlackSignatureFuzzTestInputs/verify/}, include correctly signed
 * requests.
 *
 * <p>Declared behaviour checked: {@code verify} never throws, and says yes only to a timestamp
 * within {@link RequestVerifier#MAX_SKEW_SECONDS} of now with the signature {@link
 * RequestVerifier#sign} gives (any other request is answered with an empty 401); a request signed
 * with our secret just now is accepted, and the same request with its body or signature changed is
 * not.
 */
class SlackSignatureFuzzTest {
  static final String SECRET = "fuzz-signing-secret";
  static final long NOW = 1_700_000_000L;

  private final RequestVerifier verifier =
      new RequestVerifier(SECRET, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

  @FuzzTest(maxDuration = "10m")
  void verify(byte[] input) {
    FuzzInputs.Split split = FuzzInputs.split(input, Long.toString(NOW), "");
    String timestamp = split.field(0);
    String signature = split.field(1);
    byte[] body = split.rest();

    boolean ok;
    try {
      ok = verifier.verify(timestamp, signature, body);
      that(
          !verifier.verify(null, signature, body)
              && !verifier.verify(timestamp, null, body)
              && !verifier.verify(timestamp, signature, null),
          "a request with a part missing passed");
    } catch (RuntimeException e) {
      throw Check.unexpected("verify threw", e);
    }
    if (ok) {
      that(
          timestamp.matches("[0-9]{1,12}")
              && Math.abs(NOW - Long.parseLong(timestamp)) <= RequestVerifier.MAX_SKEW_SECONDS,
          "accepted the timestamp '%s'",
          timestamp);
      that(
          signature.equals(verifier.sign(timestamp, body)),
          "accepted a signature that is not ours");
    }

    // Signed by us just now: accepted; with one byte of the body or the signature changed: refused.
    String now = Long.toString(NOW);
    String good = verifier.sign(now, body);
    that(good.matches("v0=[0-9a-f]{64}"), "signature %s", good);
    that(verifier.verify(now, good, body), "refused a request we signed");
    if (body.length > 0) {
      byte[] changed = Arrays.copyOf(body, body.length);
      int at = Math.floorMod(Arrays.hashCode(body), body.length);
      changed[at] ^= 1;
      that(!verifier.verify(now, good, changed), "accepted a changed body");
    }
    char last = good.charAt(good.length() - 1);
    String forged = good.substring(0, good.length() - 1) + (last == '0' ? '1' : '0');
    that(!verifier.verify(now, forged, body), "accepted a changed signature");
    that(
        !verifier.verify(
            Long.toString(NOW - RequestVerifier.MAX_SKEW_SECONDS - 1),
            verifier.sign(Long.toString(NOW - RequestVerifier.MAX_SKEW_SECONDS - 1), body),
            body),
        "accepted a stale request");
  }
}
