package faqbot.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import faqbot.corpus.Block;
import faqbot.corpus.Source;
import java.util.List;

/**
 * The bot's response to one message: an entry that answers it; a few close entries to choose from
 * when none clearly does; a plain "no" with the closest questions when they are close; or a reply
 * to small talk.
 *
 * @param outcome what the bot did: answer, clarify, decline or small talk
 * @param matched whether an entry is shown as the answer (the outcome is {@link Outcome#ANSWER})
 * @param confidence the calibrated probability, 0 to 1, that the best entry answers the message
 * @param reply a short sentence to show above the answer, or instead of it
 * @param answer the entry shown as the answer; null unless the outcome is an answer
 * @param related the answer's follow-up questions, each resolved to an entry where one exists
 * @param sources the answer's citations
 * @param alternatives for an answer, the next best entries; for a clarification, the choices, best
 *     first; for a decline, the closest questions; for small talk, questions to start with
 * @param context a token to send back with the next message, so follow-ups ("2", "tell me more",
 *     "and why?") are read in the light of this answer
 */
public record Answer(
    Outcome outcome,
    boolean matched,
    double confidence,
    String reply,
    @JsonInclude(JsonInclude.Include.ALWAYS) Shown answer,
    List<Link> related,
    List<Source> sources,
    List<Alternative> alternatives,
    String context) {

  public Answer {
    // A server from before outcomes existed sends only "matched".
    outcome = outcome != null ? outcome : matched ? Outcome.ANSWER : Outcome.DECLINE;
    matched = outcome == Outcome.ANSWER;
    related = List.copyOf(related);
    sources = List.copyOf(sources);
    alternatives = List.copyOf(alternatives);
  }

  /** An answer whose {@code matched} follows from its outcome. */
  public Answer(
      Outcome outcome,
      double confidence,
      String reply,
      Shown answer,
      List<Link> related,
      List<Source> sources,
      List<Alternative> alternatives,
      String context) {
    this(
        outcome,
        outcome == Outcome.ANSWER,
        confidence,
        reply,
        answer,
        related,
        sources,
        alternatives,
        context);
  }

  /**
   * The entry shown as the answer: its text in the corpus's notation, and the same split into
   * blocks.
   */
  public record Shown(
      String id,
      String question,
      String text,
      String video,
      List<Block> blocks,
      String videoUrl,
      String origin) {

    /** An entry shown with no video link and no page elsewhere. */
    public Shown(String id, String question, String text, String video, List<Block> blocks) {
      this(id, question, text, video, blocks, null, null);
    }
  }

  /** A related question; {@code id} is null when it names no entry of the corpus. */
  public record Link(@JsonInclude(JsonInclude.Include.ALWAYS) String id, String question) {}

  /** Another entry that might be what was meant. */
  public record Alternative(String id, String question, double confidence) {}
}
