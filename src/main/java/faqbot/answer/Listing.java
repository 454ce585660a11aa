package faqbot.answer;

import java.util.List;

/**
 * One entry as listed among all the others: its id, its question and its tags.
 *
 * @param id the entry's id
 * @param question the question it answers
 * @param tags its topic labels
 */
public record Listing(String id, String question, List<String> tags) {
  public Listing {
    tags = List.copyOf(tags);
  }
}
