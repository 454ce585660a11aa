package faqbot.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises small talk (greetings, thanks, goodbyes, "who are you", "what can you do") and knows
 * what to reply, from a file an operator can change without rebuilding faqbot.
 *
 * <p>A message is small talk when it is made only of the file's phrases and filler words ("hi
 * there!", "thanks a lot", "ok cool"), read past a slip of one letter in longer words ("helo",
 * "thnaks"). A message that goes on to ask something ("hi! what is reward hacking?") is a question:
 * the greeting in front is dropped before it is answered.
 */
public final class SmallTalk {
  /**
   * The order in which kinds win when a message has several ("hi, who are you?" is about who the
   * bot is).
   */
  private static final List<String> PRIORITY =
      List.of("help", "identity", "goodbye", "thanks", "greeting", "acknowledgement");

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");
  private static final String STANDARD = "/faqbot/smalltalk.json";

  /** One kind of small talk: what people write, and the reply. */
  record Kind(String name, List<List<String>> says, String reply) {}

  /**
   * How a message reads: as small talk of some kind, or as a question (with any small talk in front
   * of it cut).
   *
   * @param kind the kind of small talk, or null for a question
   * @param reply the reply to small talk, or null
   * @param question the question without the small talk in front of it, or null for small talk
   */
  public record Reading(String kind, String reply, String question) {
    public boolean isSmallTalk() {
      return kind != null;
    }
  }

  private final Map<String, Kind> kinds;
  private final Set<String> filler;
  private final Map<String, List<String>> shortForms;

  private SmallTalk(
      Map<String, Kind> kinds, Set<String> filler, Map<String, List<String>> shortForms) {
    this.kinds = kinds;
    this.filler = filler;
    this.shortForms = shortForms;
  }

  /** The replies that ship with faqbot. */
  public static SmallTalk standard() {
    try (InputStream in = SmallTalk.class.getResourceAsStream(STANDARD)) {
      if (in == null) {
        throw new IllegalStateException(STANDARD + " is missing from the class path");
      }
      return parse(new ObjectMapper().readTree(in), STANDARD);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads replies from a file in the form of the standard one.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  public static SmallTalk load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": no such file");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          file + ": cannot be read as JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    return parse(root, file.toString());
  }

  private static SmallTalk parse(JsonNode root, String source) {
    if (root == null || !root.isObject() || !root.path("kinds").isObject()) {
      throw new IllegalArgumentException(source + ": expected an object with a \"kinds\" object");
    }
    Map<String, Kind> kinds = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.get("kinds").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      JsonNode kind = field.getValue();
      String reply = kind.path("reply").asText("").strip();
      if (reply.isEmpty()) {
        throw new IllegalArgumentException(source + ": kind \"" + name + "\" has no \"reply\"");
      }
      List<List<String>> says = new ArrayList<>();
      for (JsonNode say : kind.path("says")) {
        List<String> words = words(say.asText(""));
        if (!words.isEmpty()) {
          says.add(words);
        }
      }
      if (says.isEmpty()) {
        throw new IllegalArgumentException(
            source + ": kind \"" + name + "\" has no \"says\" phrases");
      }
      kinds.put(name, new Kind(name, says, reply));
    }
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException(source + ": \"kinds\" is empty");
    }
    Set<String> filler = new HashSet<>();
    for (JsonNode word : root.path("filler")) {
      filler.addAll(words(word.asText("")));
    }
    Map<String, List<String>> shortForms = new HashMap<>();
    root.path("short")
        .fields()
        .forEachRemaining(
            f ->
                shortForms.put(
                    squeeze(f.getKey().toLowerCase(Locale.ROOT)), words(f.getValue().asText(""))));
    return new SmallTalk(kinds, filler, shortForms);
  }

  /** How a message reads. */
  public Reading read(String message) {
    List<int[]> spans = new ArrayList<>();
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(message.toLowerCase(Locale.ROOT).replace('’', '\''));
    while (m.find()) {
      // A short form stands for its words ("u" for "you"), all at the place it was typed.
      for (String word : shortForms.getOrDefault(squeeze(m.group()), List.of(squeeze(m.group())))) {
        words.add(word);
        spans.add(new int[] {m.start(), m.end()});
      }
    }
    if (words.isEmpty()) {
      // Only punctuation or emoji: nothing to search for.
      Kind help = kinds.getOrDefault("help", kinds.values().iterator().next());
      return new Reading(help.name(), help.reply(), null);
    }
    Set<String> found = new HashSet<>();
    int at = 0;
    while (at < words.size()) {
      int matched = longestPhraseAt(words, at, found);
      if (matched > 0) {
        at += matched;
      } else if (filler.contains(words.get(at))) {
        at++;
      } else {
        break;
      }
    }
    if (at == words.size()) {
      Kind kind =
          found.isEmpty()
              ? kinds.getOrDefault("acknowledgement", kinds.values().iterator().next())
              : kinds.get(
                  PRIORITY.stream()
                      .filter(found::contains)
                      .findFirst()
                      .orElse(found.iterator().next()));
      return new Reading(kind.name(), kind.reply(), null);
    }
    // A question, maybe after some small talk: cut what came before its first word of substance.
    String question = at == 0 ? message : message.substring(spans.get(at)[0]).strip();
    return new Reading(null, null, question.isEmpty() ? message : question);
  }

  /**
   * How many words the longest phrase starting at {@code at} takes (filler words inside it, as in
   * "this is really helpful", count with it), noting its kind; 0 when no phrase starts there. Among
   * phrases as long, one typed exactly wins over one typed with a slip ("help" is help, not a slip
   * of "hello").
   */
  private int longestPhraseAt(List<String> words, int at, Set<String> found) {
    int best = 0;
    int bestLength = 0;
    int bestSlips = Integer.MAX_VALUE;
    String bestKind = null;
    for (Kind kind : kinds.values()) {
      for (List<String> say : kind.says()) {
        int[] match = match(say, words, at);
        if (match != null
            && (say.size() > bestLength || (say.size() == bestLength && match[1] < bestSlips))) {
          best = match[0];
          bestLength = say.size();
          bestSlips = match[1];
          bestKind = kind.name();
        }
      }
    }
    if (bestKind != null) {
      found.add(bestKind);
    }
    return best;
  }

  /**
   * How a phrase matches the typed words from {@code at}, with filler words between its own: the
   * words it takes and the slips in them; null when it does not match.
   */
  private int[] match(List<String> say, List<String> words, int at) {
    int j = at;
    int slips = 0;
    for (int i = 0; i < say.size(); i++) {
      while (i > 0
          && j < words.size()
          && !sameWord(say.get(i), words.get(j))
          && filler.contains(words.get(j))) {
        j++;
      }
      if (j >= words.size() || !sameWord(say.get(i), words.get(j))) {
        return null;
      }
      if (!say.get(i).equals(words.get(j))) {
        slips++;
      }
      j++;
    }
    return new int[] {j - at, slips};
  }

  /**
   * The same word, or one letter dropped, added, changed or two swapped in a word of four letters
   * or more.
   */
  static boolean sameWord(String expected, String typed) {
    if (expected.equals(typed)) {
      return true;
    }
    if (expected.length() < 4
        || typed.length() < 4
        || Math.abs(expected.length() - typed.length()) > 1) {
      return false;
    }
    return distance(expected, typed) <= 1;
  }

  /** Edit distance with adjacent swaps counted as one edit (optimal string alignment). */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** The words of a phrase, lower case, each with its runs of one letter squeezed. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
    while (m.find()) {
      words.add(squeeze(m.group()));
    }
    return words;
  }

  /**
   * A word with each run of one letter written once ("hiii" → "hi", "hello" → "helo"), on both
   * sides of a match.
   */
  static String squeeze(String word) {
    StringBuilder out = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      if (i == 0 || word.charAt(i) != word.charAt(i - 1)) {
        out.append(word.charAt(i));
      }
    }
    return out.toString();
  }

  /** The kinds' names, in the file's order. */
  List<String> kinds() {
    return List.copyOf(kinds.keySet());
  }
}
