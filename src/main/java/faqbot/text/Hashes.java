package faqbot.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 hashes written as lower-case hex: the fingerprints and keys that tell whether some
 * content changed.
 */
public final class Hashes {
  private Hashes() {}

  /** A new SHA-256 digest, for content fed to it piece by piece. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The digest's hash of what it was fed, as lower-case hex; the digest is reset. */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * The SHA-256 of texts in UTF-8 with a zero byte between each and the next, as lower-case hex;
   * the separator keeps ("ab", "c") and ("a", "bc") apart.
   */
  public static String sha256Hex(String... parts) {
    MessageDigest digest = sha256();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        digest.update((byte) 0);
      }
      digest.update(parts[i].getBytes(StandardCharsets.UTF_8));
    }
    return hex(digest);
  }
}
