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
    if (raw == null) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(raw.strip());
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // Reported below with the allowed range.
    }
    throw new ApiException(
        400, "'limit' must be a whole number from 1 to " + max + ", got '" + raw + "'");
  }
}
