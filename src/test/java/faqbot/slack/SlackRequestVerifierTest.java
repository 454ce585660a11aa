package faqbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The signature check, against signatures made by Slack's own SDK. */
class SlackRequestVerifierTest {
  private static final String SECRET = SlackRequests.SECRET;
  private static final long NOW = 1_700_000_000L;
  private static final String BODY =
      "token=xyz&team_id=T1&command=%2Ffaq&text=what+is+%26+%3Cthis%3E%3F";

  private final RequestVerifier verifier =
      new RequestVerifier(SECRET, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

  private static String slackSignature(String secret, long timestamp, String body) {
    return new SlackSignature.Generator(secret).generate(Long.toString(timestamp), body);
  }

  @Test
  void acceptsWhatSlacksSdkSigns() {
    String signature = slackSignature(SECRET, NOW, BODY);
    assertThat(verifier.verify(Long.toString(NOW), signature, bytes(BODY))).isTrue();
    assertThat(verifier.sign(Long.toString(NOW), bytes(BODY))).isEqualTo(signature);
  }

  @Test
  void acceptsSlacksDocumentedExample() {
    // The example from Slack's "Verifying requests from Slack" guide.
    String body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
            + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    RequestVerifier slackExample =
        new RequestVerifier(
            "8f742231b10e8888abcd99yyyzzz85a5",
            Clock.fixed(Instant.ofEpochSecond(1531420618), ZoneOffset.UTC));
    assertThat(
            slackExample.verify(
                "1531420618",
                "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
                bytes(body)))
        .isTrue();
  }

  @Test
  void refusesAnotherSecret() {
    assertThat(
            verifier.verify(Long.toString(NOW), slackSignature("another", NOW, BODY), bytes(BODY)))
        .isFalse();
  }

  @Test
  void refusesATamperedBody() {
    String signature = slackSignature(SECRET, NOW, BODY);
    assertThat(verifier.verify(Long.toString(NOW), signature, bytes(BODY + "&x=1"))).isFalse();
    assertThat(verifier.verify(Long.toString(NOW), signature, bytes(BODY.replace("T1", "T2"))))
        .isFalse();
  }

  @Test
  void refusesATimestampOtherThanTheOneSigned() {
    String signature = slackSignature(SECRET, NOW - 1, BODY);
    assertThat(verifier.verify(Long.toString(NOW), signature, bytes(BODY))).isFalse();
  }

  @Test
  void acceptsUpToFiveMinutesEitherWayAndNoMore() {
    for (long skew : new long[] {-300, -299, 0, 299, 300}) {
      long ts = NOW + skew;
      assertThat(verifier.verify(Long.toString(ts), slackSignature(SECRET, ts, BODY), bytes(BODY)))
          .as("%d seconds off", skew)
          .isTrue();
    }
    for (long skew : new long[] {-360, -301, 301, 360, -NOW}) {
      long ts = NOW + skew;
      assertThat(verifier.verify(Long.toString(ts), slackSignature(SECRET, ts, BODY), bytes(BODY)))
          .as("%d seconds off", skew)
          .isFalse();
    }
  }

  @Test
  void refusesMissingOrMalformedHeaders() {
    String ts = Long.toString(NOW);
    String signature = slackSignature(SECRET, NOW, BODY);
    assertThat(verifier.verify(null, signature, bytes(BODY))).isFalse();
    assertThat(verifier.verify(ts, null, bytes(BODY))).isFalse();
    assertThat(verifier.verify("", signature, bytes(BODY))).isFalse();
    assertThat(verifier.verify(ts, "", bytes(BODY))).isFalse();
    assertThat(verifier.verify(" " + ts, signature, bytes(BODY))).isFalse();
    assertThat(verifier.verify("-" + ts, signature, bytes(BODY))).isFalse();
    assertThat(verifier.verify("99999999999999999999", signature, bytes(BODY))).isFalse();
    assertThat(verifier.verify(ts, signature.replace("v0=", "v1="), bytes(BODY))).isFalse();
    assertThat(verifier.verify(ts, signature.substring(0, signature.length() - 1), bytes(BODY)))
        .isFalse();
    assertThat(verifier.verify(ts, signature.toUpperCase(), bytes(BODY))).isFalse();
  }

  @Test
  void checksTheRawBytesNotADecodedForm() {
    // The same form, encoded differently, is a different body.
    String other = BODY.replace("+", "%20");
    assertThat(verifier.verify(Long.toString(NOW), slackSignature(SECRET, NOW, BODY), bytes(other)))
        .isFalse();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
