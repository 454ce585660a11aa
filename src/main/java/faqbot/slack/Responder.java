package faqbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faqbot.answer.Answer;
import faqbot.answer.Answerer;
import faqbot.answer.EntryView;
import faqbot.answer.InvalidMessageException;
import faqbot.answer.Outcome;
import faqbot.feedback.Journal;
import faqbot.feedback.QuestionLog;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers questions on the workers and posts the answers back to Slack: a slash command's to its
 * {@code response_url}, a mention's or direct message's in its thread, a question button's beside
 * the message clicked. When every worker is busy, the asker is told so at once instead.
 */
final class Responder {
  static final String LOOKING = "Looking that up\u2026";
  static final String BUSY =
      "I'm answering a lot of questions right now. Please try again in a minute.";
  static final String FAILED =
      "Sorry, something went wrong while looking that up. Please try again later.";

  private static final Logger LOG = LoggerFactory.getLogger(Responder.class);

  private final SlackSettings settings;
  private final Supplier<Answerer> answerer;
  private final QuestionLog questions;
  private final ObjectMapper json;
  private final SlackClient client;
  private final SlackMessages messages;
  private final Workers workers;

  Responder(
      SlackSettings settings,
      Supplier<Answerer> answerer,
      Journal journal,
      ObjectMapper json,
      SlackClient client,
      SlackMessages messages,
      Workers workers) {
    this.settings = settings;
    this.answerer = answerer;
    this.questions = new QuestionLog(journal);
    this.json = json;
    this.client = client;
    this.messages = messages;
    this.workers = workers;
  }

  /**
   * Answers a slash command's (valid) question to its {@code response_url}; false when every worker
   * is busy, for the command's acknowledgement to say so.
   */
  boolean answerCommand(String question, String responseUrl) {
    return workers.submit(
        () -> {
          ObjectNode reply = replyOrNotice(question, "a slash command");
          reply.put("response_type", settings.inChannel() ? "in_channel" : "ephemeral");
          client.respond(responseUrl, reply);
        });
  }

  /** Answers a mention or direct message in its thread, or says there why it cannot. */
  void answerEvent(EventFilter.Question asked) {
    if (asked.text().isEmpty()) {
      notice(asked, "Ask me a question from the FAQ, like \u201cwhat is inner alignment?\u201d");
      return;
    }
    String question;
    try {
      question = Answerer.normalize(asked.text());
    } catch (InvalidMessageException e) {
      notice(asked, "Sorry, I can't answer that: " + e.getMessage() + ".");
      return;
    }
    boolean accepted =
        workers.submit(
            () -> {
              ObjectNode reply = replyOrNotice(question, "a message");
              client.postMessage(inThread(reply, asked));
            });
    if (!accepted) {
      notice(asked, BUSY);
    }
  }

  /** A question button: answers that question beside the message that offered it. */
  void answerClick(JsonNode payload, SlackMessages.ButtonValue value, String responseUrl) {
    boolean ephemeral = payload.path("container").path("is_ephemeral").asBoolean(false);
    JsonNode message = payload.path("message");
    // Answers to a message in a thread stay in that thread; to a message in the channel, go in its
    // thread.
    String thread =
        message
            .path("thread_ts")
            .asText(
                message.path("ts").asText(payload.path("container").path("thread_ts").asText("")));
    boolean accepted =
        workers.submit(
            () -> {
              ObjectNode reply;
              try {
                Optional<EntryView> entry =
                    value.id() == null ? Optional.empty() : answerer.get().entry(value.id());
                if (entry.isPresent()) {
                  if (value.asked() != null) {
                    questions.picked(value.asked(), entry.get().id(), QuestionLog.SLACK);
                  }
                  reply =
                      messages.answer(SlackMessages.Shown.of(entry.get()), entry.get().question());
                } else {
                  String question = Answerer.normalize(value.question());
                  reply = reply(answerer.get().answer(question), question);
                }
              } catch (RuntimeException e) {
                LOG.error("answering a button click failed", e);
                reply = messages.notice(FAILED);
              }
              reply.put("response_type", ephemeral ? "ephemeral" : "in_channel");
              reply.put("replace_original", false);
              if (!ephemeral && !thread.isEmpty()) {
                reply.put("thread_ts", thread);
              }
              client.respond(responseUrl, reply);
            });
    if (!accepted) {
      ObjectNode busy = messages.notice(BUSY);
      busy.put("response_type", "ephemeral");
      busy.put("replace_original", false);
      client.respondAsync(responseUrl, busy);
    }
  }

  /**
   * The reply to a question, or a short notice when answering failed (logged, naming {@code what}
   * was answered).
   */
  private ObjectNode replyOrNotice(String question, String what) {
    try {
      return reply(answerer.get().answer(question), question);
    } catch (RuntimeException e) {
      LOG.error("answering {} failed", what, e);
      return messages.notice(FAILED);
    }
  }

  /** The message for an answer, journalling the question and what the bot did with it. */
  private ObjectNode reply(Answer answer, String asked) {
    questions.asked(asked, answer, QuestionLog.SLACK);
    if (answer.matched() && answer.answer() != null) {
      return messages.answer(SlackMessages.Shown.of(answer), asked);
    }
    return messages.offered(answer, answer.outcome() == Outcome.SMALLTALK ? null : asked);
  }

  /**
   * Posts a one-line notice in the question's thread, without waiting: this may run on a request
   * thread.
   */
  private void notice(EventFilter.Question asked, String text) {
    client.postMessageAsync(inThread(messages.notice(text), asked));
  }

  private ObjectNode inThread(ObjectNode message, EventFilter.Question asked) {
    ObjectNode post = json.createObjectNode();
    post.put("channel", asked.channel());
    post.put("thread_ts", asked.thread());
    post.setAll(message);
    post.put("unfurl_links", false);
    post.put("unfurl_media", false);
    return post;
  }
}
