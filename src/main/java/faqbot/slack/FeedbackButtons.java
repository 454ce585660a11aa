package faqbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faqbot.answer.Answerer;
import faqbot.answer.EntryView;
import faqbot.feedback.FeedbackRecord;
import faqbot.feedback.Journal;
import faqbot.feedback.QuestionLog;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 👍 or 👎 on an answer: journalled before the click is acknowledged, then the buttons give way
 * to thanks.
 */
final class FeedbackButtons {
  private static final Logger LOG = LoggerFactory.getLogger(FeedbackButtons.class);

  private final Supplier<Answerer> answerer;
  private final Journal journal;
  private final ObjectMapper json;
  private final SlackClient client;
  private final SlackMessages messages;

  FeedbackButtons(
      Supplier<Answerer> answerer,
      Journal journal,
      ObjectMapper json,
      SlackClient client,
      SlackMessages messages) {
    this.answerer = answerer;
    this.journal = journal;
    this.json = json;
    this.client = client;
    this.messages = messages;
  }

  /**
   * Records a verdict on the answer {@code value} names, and thanks the voter through {@code
   * responseUrl}.
   */
  void vote(
      JsonNode payload, SlackMessages.ButtonValue value, boolean helpful, String responseUrl) {
    if (value.id() == null) {
      return;
    }
    // An empty question: the one asked was too long for the button
    // (SlackMessages.ButtonValue.vote).
    String asked = value.question().isEmpty() ? null : value.question();
    try {
      journal.append(FeedbackRecord.feedback(asked, value.id(), helpful, QuestionLog.SLACK));
    } catch (IOException | RuntimeException e) {
      LOG.error("could not journal feedback on {}", value.id(), e);
      ObjectNode sorry = messages.notice("Sorry, I could not record that. Please try again later.");
      sorry.put("response_type", "ephemeral");
      sorry.put("replace_original", false);
      client.respondAsync(responseUrl, sorry);
      return;
    }
    String thanks =
        helpful
            ? ":+1: Thanks, glad it helped."
            : ":pencil: Thanks for telling us; this helps us improve" + " the answer.";
    client.respondAsync(responseUrl, thanked(payload.path("message"), value.id(), asked, thanks));
  }

  /**
   * The message voted on with its feedback buttons replaced by {@code thanks}, or just the thanks.
   */
  private ObjectNode thanked(JsonNode message, String entryId, String asked, String thanks) {
    ArrayNode original =
        message.path("blocks").isArray() && !message.path("blocks").isEmpty()
            ? (ArrayNode) message.path("blocks")
            : null;
    String text = message.path("text").asText("");
    if (original == null) {
      // An ephemeral message comes without its blocks: show the same answer again, without the
      // buttons.
      Optional<EntryView> entry = answerer.get().entry(entryId);
      if (entry.isPresent()) {
        ObjectNode rebuilt = messages.answer(SlackMessages.Shown.of(entry.get()), asked);
        original = (ArrayNode) rebuilt.get("blocks");
        text = rebuilt.path("text").asText();
      }
    }
    if (original == null) {
      ObjectNode update = messages.notice(thanks);
      update.put("response_type", "ephemeral");
      update.put("replace_original", false);
      return update;
    }
    ArrayNode blocks = json.createArrayNode();
    for (JsonNode block : original) {
      String id = block.path("block_id").asText("");
      if (id.equals(SlackMessages.FEEDBACK_PROMPT_BLOCK)) {
        continue;
      }
      blocks.add(
          id.equals(SlackMessages.FEEDBACK_BLOCK)
              ? messages.context(List.of(Mrkdwn.escape(thanks)))
              : block);
    }
    ObjectNode update = json.createObjectNode();
    update.put("replace_original", true);
    update.put("text", text.isEmpty() ? thanks : text);
    update.set("blocks", blocks);
    return update;
  }
}
