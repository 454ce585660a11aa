package faqbot.answer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises messages that only make sense after what was just shown: a number, "tell me more",
 * "and why?".
 */
final class FollowUps {
  private static final Pattern CHOICE =
      Pattern.compile(
          "^(?:#|no\\.?|number|option|question)?\\s*(\\d{1,2})\\s*[.!?)]*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern MORE =
      Pattern.compile(
          "^(?:ok(?:ay)?[, ]+)?(?:please )?(?:tell me more|more|go on|continue|keep going|more please|more details|"
              + "what else|and then|elaborate|say more)(?: please)?(?: about (?:it|that|this))?[.!?]*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern OPENER =
      Pattern.compile(
          "^(?:and|but|so|also|then|what about|how about|why|why not|how come|is it|are they|does it|do they|can it)\\b.*",
          Pattern.CASE_INSENSITIVE);
  private static final Set<String> REFERRING =
      Set.of(
          "it", "its", "it's", "this", "that", "these", "those", "they", "them", "their", "he",
          "she", "one");

  private FollowUps() {}

  /** The number picked (1-based) when the message is only a number, else 0. */
  static int choice(String message) {
    Matcher m = CHOICE.matcher(message.strip());
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** Whether the message asks to go on from what was shown. */
  static boolean asksForMore(String message) {
    return MORE.matcher(message.strip()).matches();
  }

  /** Whether a message is short and leans on something said before ("and how likely is it?"). */
  static boolean leansOnContext(String message) {
    String[] words =
        message.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]", " ").strip().split("\\s+");
    if (words.length > 10) {
      return false;
    }
    if (OPENER.matcher(message.strip()).matches()) {
      return true;
    }
    for (String w : words) {
      if (REFERRING.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
