package faqbot.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one JSON form of answers, shared by every face so the API and {@code ask --json} print the
 * same.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private Json() {}

  /** A mapper configured like the API's; a copy, so callers cannot change the shared one. */
  public static ObjectMapper mapper() {
    return MAPPER.copy();
  }
}
