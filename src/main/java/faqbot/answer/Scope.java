package faqbot.answer;

import faqbot.corpus.FaqEntry;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which entries a message may be answered from: every entry, those with one of some tags (a page
 * about one topic embeds a bot that answers from that topic), or every entry but some (the
 * leave-out evaluation hides the entries that answer a question, to see the bot decline it).
 *
 * <p>The two differ in what the bot knows. A hidden entry is as if the corpus lacked it. An entry
 * without the tags still counts when the bot weighs how sure it is, so a question that another
 * topic answers better is declined rather than answered with the closest entry of this one; it is
 * only never offered.
 *
 * @param tags the tags an entry needs one of, lower case; empty for any entry
 * @param hidden the ids of entries that may not answer
 */
public record Scope(Set<String> tags, Set<String> hidden) {
  /** Every entry. */
  public static final Scope ALL = new Scope(Set.of(), Set.of());

  public Scope {
    tags =
        tags.stream()
            .map(Scope::tagKey)
            .filter(t -> !t.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    hidden = Set.copyOf(hidden);
  }

  /**
   * The entries with any of these tags (case and surrounding spaces do not matter); all entries
   * when empty.
   */
  public static Scope tagged(Collection<String> tags) {
    return new Scope(Set.copyOf(tags), Set.of());
  }

  /** Every entry but these. */
  public static Scope without(Collection<String> ids) {
    return new Scope(Set.of(), Set.copyOf(ids));
  }

  /** Whether this scope lets every entry answer. */
  public boolean isAll() {
    return tags.isEmpty() && hidden.isEmpty();
  }

  /** Whether an entry may answer. */
  public boolean admits(FaqEntry entry) {
    if (hidden.contains(entry.id())) {
      return false;
    }
    if (tags.isEmpty()) {
      return true;
    }
    for (String tag : entry.tags()) {
      if (tags.contains(tagKey(tag))) {
        return true;
      }
    }
    return false;
  }

  static String tagKey(String tag) {
    return tag.strip().toLowerCase(Locale.ROOT);
  }
}
