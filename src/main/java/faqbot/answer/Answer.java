package faqbot.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import faqbot.corpus.Block;
import faqbot.corpus.Source;
import java.util.List;

/**
 * The bot's response to one message: the best entry when one matches well, else the closest questions.
 *
 * @param matched      whether an entry answers the message confidently enough to be shown as the answer
 * @param confidence   the calibrated probability, 0 to 1, that the best entry answers the message
 * @param reply        a short sentence to show above the answer, or instead of it
 * @param answer       the entry shown as the answer; null when not matched
 * @param related      the answer's follow-up questions, each resolved to an entry where one exists
 * @param sources      the answer's citations
 * @param alternatives the next best entries (when not matched: the closest ones, offered instead)
 * @param context      a token to send back with the next message, so follow-ups ("2", "tell me more", "and why?")
 *                     are read in the light of this answer
 */
public record Answer(
    boolean matched,
    double confidence,
    String reply,
    @JsonInclude(JsonInclude.Include.ALWAYS) Shown answer,
    List<Link> related,
    List<Source> sources,
    List<Alternative> alternatives,
    String context) {

  public Answer {
    related = List.copyOf(related);
    sources = List.copyOf(sources);
    alternatives = List.copyOf(alternatives);
  }

  /** The entry shown as the answer: its text in the corpus's notation, and the same split into blocks. */
  public record Shown(String id, String question, String text, String video, List<Block> blocks) {}

  /** A related question; {@code id} is null when it names no entry of the corpus. */
  public record Link(@JsonInclude(JsonInclude.Include.ALWAYS) String id, String question) {}

  /** Another entry that might be what was meant. */
  public record Alternative(String id, String question, double confidence) {}
}
