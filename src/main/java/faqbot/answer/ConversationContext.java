package faqbot.answer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the bot just showed, handed to the client as a token and sent back with the next message, so
 * that a bare number, "tell me more" or a follow-up that names no topic can be read in its light.
 * The server keeps nothing.
 *
 * @param entryId the entry just shown as the answer, or null when the bot declined
 * @param question the question of that entry (or the user's message when the bot declined)
 * @param offered the ids of the numbered questions just offered: the related questions of an
 *     answer, or the closest questions when declining; null ids stand for related questions that
 *     name no entry
 */
public record ConversationContext(String entryId, String question, List<String> offered) {
  public ConversationContext {
    offered = offered == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(offered));
  }
}
