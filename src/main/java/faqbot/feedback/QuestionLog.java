package faqbot.feedback;

import faqbot.answer.Answer;
import faqbot.answer.Outcome;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps, for the FAQ's editors, the questions the bot could not answer outright (it declined, or
 * asked which of a few entries was meant), whichever face was asked: the one place that decides
 * what is kept.
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
    if (answer.outcome() != Outcome.DECLINE && answer.outcome() != Outcome.CLARIFY) {
      return;
    }
    try {
      journal.note(FeedbackRecord.declined(question, channel));
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not journal an unanswered question: {}", e.toString());
    }
  }
}
