package faqbot.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message's own wording says about the answer it wants, apart from any entry: the names it
 * mentions, whether it asks for a particular fact (who, when, how much, which organisation) and
 * whether it compares two things.
 *
 * <p>These matter because FAQ answers explain ideas. A message can sit close in meaning to an entry
 * on its topic and still ask what that entry never says ("Who funds alignment research?", "What
 * does Metaculus predict for AGI?"), or ask how that entry's subject differs from another's.
 * English only, like the index's analyzer.
 *
 * @param names words that name something: acronyms ("DPO"), names within a sentence ("Metaculus"),
 *     words joined to digits ("GPT-4")
 * @param specificAsk whether it asks who, when, how much or many, or which organisation, place or
 *     resource
 * @param comparison whether it compares or relates two things ("the difference between", "is X the
 *     same as Y")
 */
record MessageCues(List<String> names, boolean specificAsk, boolean comparison) {
  private static final Pattern WORD =
      Pattern.compile("[\\p{L}][\\p{L}\\p{N}'’\\-]*[\\p{L}\\p{N}]|\\p{L}");
  private static final Pattern ACRONYM_OR_CODE =
      Pattern.compile(
          "\\p{Lu}{2,}s?|\\p{Lu}\\p{Ll}+\\p{Lu}[\\p{L}]*|[\\p{L}]+-?\\p{N}+[\\p{L}\\p{N}]*");
  private static final Pattern SPECIFIC =
      Pattern.compile(
          "\\b(?:who|whom|whose)\\b|\\bhow (?:much|many)\\b"
              + "|\\bwhen (?:will|did|was|is|does|do|should|could|would)\\b"
              + "|\\bwhere (?:can|do|should|could) (?:i|we|you)\\b"
              + "|\\bwhich (?:company|companies|lab|labs|country|countries|university|universities|book|books|course"
              + "|courses|organi[sz]ations?|groups?|people|person)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern COMPARISON =
      Pattern.compile(
          "\\b(?:difference|differences|differ|different from|distinguish|versus|vs\\.?|compared? (?:to|with)"
              + "|same (?:thing )?as|a (?:kind|type|form|version) of|related to|relate to|relationship between"
              + "|connection between)\\b",
          Pattern.CASE_INSENSITIVE);

  MessageCues {
    names = List.copyOf(names);
  }

  static MessageCues of(String message) {
    return new MessageCues(
        names(message), SPECIFIC.matcher(message).find(), COMPARISON.matcher(message).find());
  }

  /**
   * Acronyms, words with digits and inner capitals anywhere; other capitalised words unless a
   * sentence starts there.
   */
  static List<String> names(String message) {
    List<String> names = new ArrayList<>();
    Matcher m = WORD.matcher(message);
    while (m.find()) {
      String word = m.group();
      if (word.equals("I") || word.startsWith("I'") || word.startsWith("I’")) {
        continue;
      }
      boolean startsSentence = startsSentence(message, m.start());
      if (ACRONYM_OR_CODE.matcher(word).matches()
          || (Character.isUpperCase(word.charAt(0)) && !startsSentence)) {
        names.add(word);
      }
    }
    return names;
  }

  private static boolean startsSentence(String text, int at) {
    for (int i = at - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        continue;
      }
      return c == '.' || c == '?' || c == '!' || c == ':' || c == '"' || c == '“' || c == '('
          || c == '\'';
    }
    return true;
  }
}
