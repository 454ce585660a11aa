package faqbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what the bot sends with Slack's own SDK, strictly (an unknown block type or field fails, as
 * Slack would refuse it), and checks Slack's documented limits.
 */
final class BlockKit {
  /** Slack's JSON conventions, failing on anything its model does not know. */
  static final Gson STRICT;

  /** The same, lenient, for writing payloads as Slack sends them. */
  static final Gson GSON = GsonFactory.createSnakeCase();

  static {
    SlackConfig config = new SlackConfig();
    config.setFailOnUnknownProperties(true);
    STRICT = GsonFactory.createSnakeCase(config);
  }

  private static final Pattern LINK = Pattern.compile("<https?://[^\\s<>|]+\\|[^<>]+>");
  private static final Pattern BAD_AMP = Pattern.compile("&(?!amp;|lt;|gt;)");

  private BlockKit() {}

  static ChatPostMessageRequest postMessage(String json) {
    ChatPostMessageRequest request = STRICT.fromJson(json, ChatPostMessageRequest.class);
    check(request.getText(), request.getBlocks());
    return request;
  }

  static SlashCommandResponse commandResponse(String json) {
    SlashCommandResponse response = STRICT.fromJson(json, SlashCommandResponse.class);
    assertThat(response.getResponseType()).isIn("ephemeral", "in_channel");
    check(response.getText(), response.getBlocks());
    return response;
  }

  static ActionResponse actionResponse(String json) {
    ActionResponse response = STRICT.fromJson(json, ActionResponse.class);
    check(response.getText(), response.getBlocks());
    return response;
  }

  /** Checks a message against Slack's limits and escaping rules. */
  static void check(String text, List<LayoutBlock> blocks) {
    assertThat(text).as("the plain text fallback").isNotBlank().hasSizeLessThanOrEqualTo(40_000);
    assertMrkdwn(text);
    assertThat(blocks).as("blocks").isNotEmpty().hasSizeLessThanOrEqualTo(50);
    Set<String> actionIds = new HashSet<>();
    Set<String> blockIds = new HashSet<>();
    for (LayoutBlock block : blocks) {
      String blockId = blockId(block);
      if (blockId != null) {
        assertThat(blockId).hasSizeLessThanOrEqualTo(255);
        assertThat(blockIds.add(blockId)).as("block_id %s is unique", blockId).isTrue();
      }
      if (block instanceof SectionBlock section) {
        assertThat(section.getText()).as("a section's text").isNotNull();
        assertText(section.getText(), 3000);
        assertThat(section.getFields()).isNull();
        assertThat(section.getAccessory()).isNull();
      } else if (block instanceof HeaderBlock header) {
        assertThat(header.getText()).isInstanceOf(PlainTextObject.class);
        assertText(header.getText(), 150);
      } else if (block instanceof ContextBlock context) {
        assertThat(context.getElements())
            .as("context elements")
            .isNotEmpty()
            .hasSizeLessThanOrEqualTo(10);
        for (ContextBlockElement element : context.getElements()) {
          assertThat(element).isInstanceOf(TextObject.class);
          assertText((TextObject) element, 3000);
        }
      } else if (block instanceof ActionsBlock actions) {
        assertThat(actions.getElements())
            .as("actions elements")
            .isNotEmpty()
            .hasSizeLessThanOrEqualTo(25);
        for (BlockElement element : actions.getElements()) {
          assertThat(element).isInstanceOf(ButtonElement.class);
          ButtonElement button = (ButtonElement) element;
          assertThat(button.getText()).isInstanceOf(PlainTextObject.class);
          assertText(button.getText(), 75);
          assertThat(button.getActionId()).isNotBlank().hasSizeLessThanOrEqualTo(255);
          assertThat(actionIds.add(button.getActionId()))
              .as("action_id %s is unique", button.getActionId())
              .isTrue();
          assertThat(button.getValue()).isNotNull().hasSizeLessThanOrEqualTo(2000);
        }
      } else {
        assertThat(block).as("only blocks the bot uses").isInstanceOf(DividerBlock.class);
      }
    }
  }

  private static String blockId(LayoutBlock block) {
    if (block instanceof SectionBlock b) {
      return b.getBlockId();
    }
    if (block instanceof HeaderBlock b) {
      return b.getBlockId();
    }
    if (block instanceof ContextBlock b) {
      return b.getBlockId();
    }
    if (block instanceof ActionsBlock b) {
      return b.getBlockId();
    }
    return null;
  }

  private static void assertText(TextObject text, int max) {
    assertThat(text.getText()).isNotEmpty().hasSizeLessThanOrEqualTo(max);
    if (text instanceof MarkdownTextObject) {
      assertMrkdwn(text.getText());
    } else {
      assertThat(text).isInstanceOf(PlainTextObject.class);
    }
  }

  /**
   * Every {@code <} opens a well-formed link, no stray {@code >} but a quote mark, every {@code &}
   * an escape.
   */
  static void assertMrkdwn(String text) {
    String withoutLinks = LINK.matcher(text).replaceAll("LINK");
    String withoutQuotes = withoutLinks.replaceAll("(?m)^> ", "");
    assertThat(withoutQuotes)
        .as("mrkdwn with & < > escaped: %s", text)
        .doesNotContain("<")
        .doesNotContain(">");
    assertThat(BAD_AMP.matcher(withoutLinks).find()).as("an unescaped & in %s", text).isFalse();
  }

  /** All the mrkdwn and plain text of a message's blocks, in order. */
  static String allText(List<LayoutBlock> blocks) {
    StringBuilder b = new StringBuilder();
    for (LayoutBlock block : blocks) {
      if (block instanceof SectionBlock s) {
        b.append(s.getText().getText()).append('\n');
      } else if (block instanceof HeaderBlock h) {
        b.append(h.getText().getText()).append('\n');
      } else if (block instanceof ContextBlock c) {
        c.getElements().forEach(e -> b.append(((TextObject) e).getText()).append('\n'));
      } else if (block instanceof ActionsBlock a) {
        a.getElements()
            .forEach(e -> b.append(((ButtonElement) e).getText().getText()).append('\n'));
      }
    }
    return b.toString();
  }

  /** The buttons of a message, in order. */
  static List<ButtonElement> buttons(List<LayoutBlock> blocks) {
    return blocks.stream()
        .filter(ActionsBlock.class::isInstance)
        .map(ActionsBlock.class::cast)
        .flatMap(a -> a.getElements().stream())
        .map(ButtonElement.class::cast)
        .toList();
  }

  /** The text of every section block, in order. */
  static List<String> sections(List<LayoutBlock> blocks) {
    return blocks.stream()
        .filter(SectionBlock.class::isInstance)
        .map(SectionBlock.class::cast)
        .map(s -> s.getText().getText())
        .toList();
  }
}
