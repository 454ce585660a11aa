package faqbot.feedback;

import faqbot.answer.Answer;
import faqbot.answer.Outcome;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps, for the FAQ's editors, every question asked and what the bot did with it, whichever face
 * was asked: the one place that decides what is kept.
 */
public final class QuestionLog {
  /** Asked over HTTP: the widget, or any other client of the API. */
  public static final String WEB = "web";

  /** Asked in Slack. */
  public static final String SLACK = "slack";

  private static final Logger LOG = LoggerFactory.getLogger(QuestionLog.class);

  private final Journal journal;

  public QuestionLog(Journal journal) {
    this.journal = journal;
  }

  /**
   * Notes a question and what the bot did with it. Nobody waits for this, so it is not forced to
   * disk, and a failure to write costs the person asking nothing: it is logged, not thrown.
   */
  public void asked(String question, Answer answer, String channel) {
    asked(question, null, answer, channel);
  }

  /**
   * Notes a message and what the bot did with it; when the message picked one of the choices of a
   * "did you mean…?" (or of the closest questions after a decline), what is kept is the question
   * that was clarified, with the entry the person meant.
   *
   * @param clarified the question the message picked a choice for, or null
   */
  public void asked(String question, String clarified, Answer answer, String channel) {
    boolean picked = clarified != null && answer.outcome() == Outcome.ANSWER;
    String shownId = answer.answer() == null ? null : answer.answer().id();
    note(
        FeedbackRecord.asked(
            picked ? clarified : question,
            answer.outcome().key(),
            shownId,
            answer.confidence(),
            picked,
            channel));
  }

  /**
   * Notes that a person picked an entry from those the bot offered for a question ("did you
   * mean…?", or the closest questions after a decline): the entry they meant.
   */
  public void picked(String question, String entryId, String channel) {
    note(FeedbackRecord.asked(question, Outcome.ANSWER.key(), entryId, 1.0, true, channel));
  }

  private void note(FeedbackRecord record) {
    try {
      journal.note(record);
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not journal a question: {}", e.toString());
    }
  }
}
