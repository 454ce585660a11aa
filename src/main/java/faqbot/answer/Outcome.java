package faqbot.answer;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the bot did with a message. */
public enum Outcome {
  /** One entry clearly answers it: that entry is the answer. */
  ANSWER,
  /** A few entries are close and none clearly wins: "Did you mean …?", with them as choices. */
  CLARIFY,
  /** Nothing answers it: said plainly, with the closest questions only when they are close. */
  DECLINE,
  /**
   * A greeting, thanks, goodbye or "what can you do": a short reply and a few questions to start
   * from.
   */
  SMALLTALK;

  /** The name in the API: lower case. */
  @JsonValue
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
