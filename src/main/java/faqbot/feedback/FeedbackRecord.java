package faqbot.feedback;

import java.time.Instant;

/**
 * One line of the journal: a reader's verdict on an answer, or a question the bot declined.
 *
 * @param type {@code "feedback"} or {@code "declined"}
 * @param time when, as an ISO-8601 instant
 * @param question the question asked (for feedback: the message that got the answer), or null
 * @param answerId the entry judged (feedback only), or null
 * @param helpful the verdict (feedback only), or null
 * @param channel where it came from: {@link QuestionLog#WEB} or {@link QuestionLog#SLACK} (journals
 *     written before that also hold {@code "widget"} for the web)
 */
public record FeedbackRecord(
    String type, String time, String question, String answerId, Boolean helpful, String channel) {

  public static final String FEEDBACK = "feedback";
  public static final String DECLINED = "declined";

  public static FeedbackRecord feedback(
      String question, String answerId, boolean helpful, String channel) {
    return new FeedbackRecord(
        FEEDBACK, Instant.now().toString(), question, answerId, helpful, channel);
  }

  public static FeedbackRecord declined(String question, String channel) {
    return new FeedbackRecord(DECLINED, Instant.now().toString(), question, null, null, channel);
  }
}
