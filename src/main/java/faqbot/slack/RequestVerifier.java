package faqbot.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a request comes from Slack: its {@code X-Slack-Signature} must be {@code v0=}
 * followed by the hex HMAC-SHA256, keyed with the signing secret, of {@code
 * v0:<X-Slack-Request-Timestamp>:<raw body>}, and its timestamp must be within five minutes of now,
 * either way (so a captured request cannot be replayed later).
 */
final class RequestVerifier {
  static final String SIGNATURE = "X-Slack-Signature";
  static final String TIMESTAMP = "X-Slack-Request-Timestamp";

  /** How far a request's timestamp may be from now, in seconds, either way. */
  static final long MAX_SKEW_SECONDS = 5 * 60;

  private static final String VERSION = "v0";
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final Clock clock;

  RequestVerifier(String signingSecret, Clock clock) {
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.clock = clock;
  }

  /**
   * Whether a request with these headers and exactly these body bytes was signed with our secret,
   * just now.
   */
  boolean verify(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null || body == null) {
      return false;
    }
    if (timestamp.isEmpty()
        || timestamp.length() > 12
        || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    long sent = Long.parseLong(timestamp);
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - sent) > MAX_SKEW_SECONDS) {
      return false;
    }
    byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
    // Constant time: how much of the signature matched must not show in how long the check takes.
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
  }

  /** The signature Slack would send for this timestamp and body. */
  String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      mac.update(body);
      return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal());
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
