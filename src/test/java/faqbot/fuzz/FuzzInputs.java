package faqbot.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits one raw fuzz input into fields, so that seed inputs stay plain files a person can read and
 * write.
 *
 * <p>An input is {@code field0 NUL field1 NUL … rest}: the leading fields are cut at the first NUL
 * bytes and the rest (which may itself hold NULs) is left whole. An input with fewer NULs than
 * leading fields keeps the defaults for those fields and is all rest, so a seed without any NUL is
 * simply the bytes under test.
 */
public final class FuzzInputs {
  private FuzzInputs() {}

  /**
   * The fields of {@code input}: {@code defaults.length} leading fields decoded as UTF-8 (malformed
   * bytes become U+FFFD), then the rest as bytes.
   */
  public static Split split(byte[] input, String... defaults) {
    String[] fields = new String[defaults.length];
    int from = 0;
    for (int i = 0; i < defaults.length; i++) {
      int nul = indexOf(input, (byte) 0, from);
      if (nul < 0) {
        // Too few NULs: every field keeps its default and the whole input is the rest.
        return new Split(defaults.clone(), input);
      }
      fields[i] = new String(input, from, nul - from, StandardCharsets.UTF_8);
      from = nul + 1;
    }
    return new Split(fields, Arrays.copyOfRange(input, from, input.length));
  }

  /** The leading fields and the rest of one input. */
  public record Split(String[] fields, byte[] rest) {
    public String field(int i) {
      return fields[i];
    }

    public String restAsString() {
      return new String(rest, StandardCharsets.UTF_8);
    }
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
