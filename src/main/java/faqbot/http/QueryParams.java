package faqbot.http;

/**
 * Reads query-string parameters, refusing bad values with a message that names the value and the
 * range.
 */
final class QueryParams {
  private QueryParams() {}

  /**
   * A {@code limit} parameter: {@code fallback} when absent, else (even when given empty) 1 to
   * {@code max}.
   */
  static int limit(String raw, int fallback, int max) {
    return wholeNumber("limit", raw, fallback, max);
  }

  /**
   * A whole-number parameter named {@code name}: {@code fallback} when absent, else (even when
   * given empty) 1 to {@code max}.
   */
  static int wholeNumber(String name, String raw, int fallback, int max) {
    if (raw == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below with the allowed range.
    }
    throw new ApiException(
        400, "'" + name + "' must be a whole number from 1 to " + max + ", got '" + raw + "'");
  }
}
