package faqbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonParseException;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.element.ButtonElement;
import faqbot.answer.Answer;
import faqbot.answer.Answerer;
import faqbot.answer.Outcome;
import faqbot.corpus.Block;
import faqbot.corpus.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Block Kit the bot builds, read back with Slack's SDK and checked against Slack's limits. */
class SlackMessagesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PUBLIC = "https://faq.example.org";

  private final SlackMessages withLink = messages(PUBLIC);
  private final SlackMessages withoutLink = messages(null);

  private static SlackMessages messages(String publicUrl) {
    Map<String, String> env =
        publicUrl == null
            ? Map.of(SlackSettings.SIGNING_SECRET, "s")
            : Map.of(SlackSettings.SIGNING_SECRET, "s", SlackSettings.PUBLIC_URL, publicUrl);
    return new SlackMessages(JSON, SlackSettings.fromEnv(env).orElseThrow());
  }

  /** A message as chat.postMessage would get it, parsed strictly by Slack's SDK and checked. */
  private static ChatPostMessageRequest read(ObjectNode message) {
    ObjectNode post = JSON.createObjectNode().put("channel", "C1");
    post.setAll(message);
    return BlockKit.postMessage(post.toString());
  }

  private static Answer answer(
      List<Block> blocks, List<Answer.Link> related, List<Source> sources, String video) {
    return new Answer(
        Outcome.ANSWER,
        0.9,
        "Here is what the FAQ says",
        new Answer.Shown("the-id", "What is the thing?", "text", video, blocks),
        related,
        sources,
        List.of(),
        "c1.x");
  }

  private static Block paragraph(String text) {
    return new Block(Block.Kind.PARAGRAPH, text, List.of());
  }

  @Test
  void anAnswerHasItsQuestionBodyVideoSourcesRelatedQuestionsAndFeedback() {
    Answer answer =
        answer(
            List.of(
                paragraph(
                    "A <u>reward model</u> predicts what people like & prefer, e.g. <b> over <i>."),
                new Block(Block.Kind.QUOTE, "Quoted > words", List.of()),
                new Block(Block.Kind.BULLETS, null, List.of("one", "two <u>linked</u>")),
                new Block(Block.Kind.NUMBERED, null, List.of("first", "second"))),
            List.of(
                new Answer.Link("what-is-rlhf", "What is RLHF?"),
                new Answer.Link(
                    null,
                    "What is a question that"
                        + " names no entry in the corpus and goes on far longer than a button's text may be?")),
            List.of(
                new Source(
                    "Christiano, Paul (Jun 2017) Deep RL <u>from</u> preferences https://arxiv.org/abs/1706.03741",
                    "Christiano, Paul",
                    "Jun 2017",
                    "Deep RL from preferences",
                    "https://arxiv.org/abs/1706.03741"),
                new Source("Just a line with <u>marks</u> & stuff", null, null, null, null)),
            "A video | title");
    ChatPostMessageRequest message =
        read(withLink.answer(SlackMessages.Shown.of(answer), "what's a reward model"));

    assertThat(message.getBlocks().get(0)).isInstanceOf(HeaderBlock.class);
    assertThat(((HeaderBlock) message.getBlocks().get(0)).getText().getText())
        .isEqualTo("What is the thing?");
    String text = BlockKit.allText(message.getBlocks());
    assertThat(text)
        .contains(
            "A reward model predicts what people like &amp; prefer, e.g. &lt;b&gt; over &lt;i&gt;.")
        .contains("> Quoted &gt; words")
        .contains("\u2022 one\n\u2022 two linked")
        .contains("1. first\n2. second")
        .contains("Video: _A video | title_")
        .contains(
            "<https://arxiv.org/abs/1706.03741|Deep RL from preferences> \u2014 Christiano, Paul (Jun 2017)")
        .contains("Just a line with marks &amp; stuff")
        .doesNotContain("<u>")
        .doesNotContain("Read the full answer"); // it all fits
    List<ButtonElement> buttons = BlockKit.buttons(message.getBlocks());
    assertThat(buttons)
        .extracting(ButtonElement::getActionId)
        .containsExactly("ask_related_1", "ask_related_2", "feedback_yes", "feedback_no");
    assertThat(buttons.get(0).getValue()).isEqualTo("what-is-rlhf\nWhat is RLHF?");
    assertThat(buttons.get(1).getValue()).startsWith("\nWhat is a question that names no entry");
    assertThat(buttons.get(1).getText().getText()).hasSizeLessThanOrEqualTo(75).endsWith("\u2026");
    assertThat(buttons.get(2).getValue()).isEqualTo("the-id\nwhat's a reward model");
    assertThat(message.getText())
        .startsWith("What is the thing?")
        .contains("reward model predicts")
        .doesNotContain("<u>");
  }

  @Test
  void manySourcesFitOneContextBlockOfTenElements() {
    List<Source> sources = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      sources.add(
          new Source(
              "s" + i,
              "Author " + i,
              "2020",
              "Title " + i + " " + "long words ".repeat(60),
              "https://example.org/" + i));
    }
    ChatPostMessageRequest message =
        read(
            withLink.answer(
                SlackMessages.Shown.of(
                    answer(List.of(paragraph("Body.")), List.of(), sources, null)),
                "q"));
    ContextBlock context =
        message.getBlocks().stream()
            .filter(ContextBlock.class::isInstance)
            .map(ContextBlock.class::cast)
            .filter(c -> BlockKit.allText(List.of(c)).contains("Sources"))
            .findFirst()
            .orElseThrow();
    assertThat(context.getElements()).hasSize(10);
    assertThat(BlockKit.allText(List.of(context)))
        .contains("\u2026 and 17 more")
        .contains("Title 8");
  }

  @Test
  void aLongAnswerIsCutAtASentenceWithinEveryLimitAndLinksToTheFullAnswer() {
    List<Block> blocks = new ArrayList<>();
    for (int p = 0; p < 60; p++) {
      blocks.add(
          paragraph(
              ("Sentence number " + p + " of a long answer with an & and <u>a mark</u>. ")
                  .repeat(12)));
    }
    ChatPostMessageRequest message =
        read(
            withLink.answer(
                SlackMessages.Shown.of(answer(blocks, List.of(), List.of(), null)), "q"));
    List<String> sections = BlockKit.sections(message.getBlocks());
    String body = String.join("\n\n", sections);
    assertThat(body.length()).isLessThanOrEqualTo(SlackMessages.BODY_BUDGET + 10);
    assertThat(sections).allSatisfy(s -> assertThat(s).hasSizeLessThanOrEqualTo(3000));
    String last = sections.get(sections.size() - 1);
    assertThat(last).endsWith("*<https://faq.example.org/faq/the-id|Read the full answer>*");
    assertThat(last).contains(". \u2026\n\n"); // cut after a full sentence
    assertThat(message.getBlocks()).hasSizeLessThanOrEqualTo(50);
  }

  @Test
  void withoutAPublicUrlACutAnswerSaysItWasShortened() {
    List<Block> blocks = List.of(paragraph("Words and more words. ".repeat(600)));
    ChatPostMessageRequest message =
        read(
            withoutLink.answer(
                SlackMessages.Shown.of(answer(blocks, List.of(), List.of(), null)), "q"));
    String text = BlockKit.allText(message.getBlocks());
    assertThat(text).contains("Shortened").doesNotContain("Read the full answer");
  }

  @Test
  void oneEnormousParagraphWithoutSpacesIsStillCutWithinLimits() {
    List<Block> blocks = List.of(paragraph("&".repeat(20_000)));
    ChatPostMessageRequest message =
        read(
            withLink.answer(
                SlackMessages.Shown.of(answer(blocks, List.of(), List.of(), null)), "q"));
    assertThat(BlockKit.sections(message.getBlocks()))
        .allSatisfy(s -> assertThat(s).hasSizeLessThanOrEqualTo(3000));
  }

  @Test
  void manyShortParagraphsStayWithinTheBlockLimit() {
    List<Block> blocks = new ArrayList<>();
    for (int p = 0; p < 500; p++) {
      blocks.add(new Block(Block.Kind.BULLETS, null, List.of("item " + p)));
    }
    List<Answer.Link> related = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      related.add(new Answer.Link("id" + i, "Related " + i));
    }
    ChatPostMessageRequest message =
        read(
            withLink.answer(
                SlackMessages.Shown.of(answer(blocks, related, List.of(), "video")), "q"));
    assertThat(message.getBlocks()).hasSizeLessThanOrEqualTo(50);
    assertThat(BlockKit.buttons(message.getBlocks()))
        .hasSize(SlackMessages.MAX_QUESTION_BUTTONS + 2);
  }

  @Test
  void aVeryLongQuestionFitsTheHeader() {
    Answer answer =
        new Answer(
            Outcome.ANSWER,
            1,
            "r",
            new Answer.Shown("id", "Why ".repeat(100) + "?", "t", null, List.of(paragraph("t"))),
            List.of(),
            List.of(),
            List.of(),
            "c");
    ChatPostMessageRequest message =
        read(
            withLink.answer(
                SlackMessages.Shown.of(answer), "x".repeat(Answerer.MAX_MESSAGE_CHARS)));
    assertThat(((HeaderBlock) message.getBlocks().get(0)).getText().getText())
        .hasSizeLessThanOrEqualTo(150);
  }

  @Test
  void aDeclineShowsTheReplyAndTheClosestQuestionsAsButtons() {
    Answer declined =
        new Answer(
            Outcome.DECLINE,
            0.2,
            "Sorry, I don't have an answer to that. These are the closest" + " questions I know:",
            null,
            List.of(),
            List.of(),
            List.of(
                new Answer.Alternative("what-is-ai-alignment", "What is AI alignment?", 0.2),
                new Answer.Alternative(
                    "what-is-a-treacherous-turn", "What is a treacherous turn?", 0.1)),
            "c");
    ChatPostMessageRequest message = read(withLink.offered(declined, "who funds ai safety"));
    assertThat(BlockKit.allText(message.getBlocks())).contains("Sorry");
    List<ButtonElement> buttons = BlockKit.buttons(message.getBlocks());
    assertThat(buttons)
        .extracting(ButtonElement::getActionId)
        .containsExactly("ask_offered_1", "ask_offered_2");
    assertThat(buttons.get(0).getValue())
        .isEqualTo("what-is-ai-alignment\nWhat is AI alignment?\nwho funds ai safety");
    assertThat(message.getText()).contains("1. What is AI alignment?");
  }

  @Test
  void aQuestionAskedGoesWithTheChoicesWholeOrNotAtAll() {
    Answer clarified =
        new Answer(
            Outcome.CLARIFY,
            0.3,
            "Did you mean:",
            null,
            List.of(),
            List.of(),
            List.of(
                new Answer.Alternative("what-is-ai-alignment", "What is AI alignment?", 0.3),
                new Answer.Alternative("what-is-a-reward-model", "What is a reward model?", 0.2)),
            "c");
    String fits = honestly(1500);
    String longest = honestly(Answerer.MAX_MESSAGE_CHARS);
    // read() checks every block against Slack's limits, button values at 2000 among them.
    SlackMessages.ButtonValue first =
        firstButton(read(withLink.offered(clarified, fits)), "ask_offered_1");
    assertThat(first)
        .isEqualTo(
            new SlackMessages.ButtonValue("what-is-ai-alignment", "What is AI alignment?", fits));
    // Cut, it would be kept as a question nobody asked: the choice goes without it.
    assertThat(firstButton(read(withLink.offered(clarified, longest)), "ask_offered_1"))
        .isEqualTo(new SlackMessages.ButtonValue("what-is-ai-alignment", "What is AI alignment?"));
  }

  @Test
  void aVoteCarriesTheQuestionAskedWholeOrNone() {
    SlackMessages.Shown shown =
        SlackMessages.Shown.of(answer(List.of(paragraph("t")), List.of(), List.of(), null));
    String fits = honestly(1500);
    assertThat(firstButton(read(withLink.answer(shown, fits)), "feedback_no"))
        .isEqualTo(new SlackMessages.ButtonValue("the-id", fits));
    assertThat(
            firstButton(
                read(withLink.answer(shown, honestly(Answerer.MAX_MESSAGE_CHARS))), "feedback_no"))
        .isEqualTo(new SlackMessages.ButtonValue("the-id", ""));
  }

  private static String honestly(int length) {
    return "why not just train it to be honest ".repeat(length / 30).substring(0, length);
  }

  private static SlackMessages.ButtonValue firstButton(
      ChatPostMessageRequest message, String action) {
    return BlockKit.buttons(message.getBlocks()).stream()
        .filter(b -> b.getActionId().equals(action))
        .map(b -> SlackMessages.ButtonValue.decode(b.getValue()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aDeclineWithNothingToOfferIsJustTheReply() {
    Answer declined =
        new Answer(
            Outcome.DECLINE,
            0,
            "Sorry, I don't have an answer to that.",
            null,
            List.of(),
            List.of(),
            List.of(),
            "c");
    ChatPostMessageRequest message = read(withLink.offered(declined, "who funds ai safety"));
    assertThat(message.getBlocks()).hasSize(1);
    assertThat(BlockKit.buttons(message.getBlocks())).isEmpty();
  }

  @Test
  void buttonValuesRoundTrip() {
    SlackMessages.ButtonValue value = new SlackMessages.ButtonValue("an-id", "What is it?");
    assertThat(SlackMessages.ButtonValue.decode(value.encode())).isEqualTo(value);
    SlackMessages.ButtonValue noId = new SlackMessages.ButtonValue(null, "What is it?");
    assertThat(SlackMessages.ButtonValue.decode(noId.encode())).isEqualTo(noId);
    assertThat(new SlackMessages.ButtonValue("id", "q".repeat(5000)).encode()).hasSize(2000);
  }

  @Test
  void aButtonValueCutInsideAnEmojiLeavesItOutWhole() {
    String emoji = "\uD83D\uDE00";
    // "id\n" is three chars, so the limit falls between the two chars of the last emoji that would
    // fit.
    String encoded = new SlackMessages.ButtonValue("id", emoji.repeat(1500)).encode();
    assertThat(encoded)
        .hasSize(SlackMessages.MAX_BUTTON_VALUE - 1)
        .endsWith(emoji)
        .satisfies(SlackMrkdwnTest::wholePairs);
  }

  @Test
  void noTextOfAMessageEndsInHalfAnEmoji() {
    String emoji = "\uD83D\uDC4D";
    String question = "Q" + emoji.repeat(999);
    Answer answer =
        new Answer(
            Outcome.ANSWER,
            1,
            "r",
            new Answer.Shown(
                "id",
                question,
                "t",
                "V" + emoji.repeat(400),
                List.of(paragraph("P" + emoji.repeat(4000)))),
            List.of(new Answer.Link("id2", question)),
            List.of(),
            List.of(),
            "c");
    ObjectNode message = withLink.answer(SlackMessages.Shown.of(answer), question);
    read(message);
    List<String> strings = new ArrayList<>();
    strings(message, strings);
    assertThat(strings).hasSizeGreaterThan(10).allSatisfy(SlackMrkdwnTest::wholePairs);
  }

  /** Every string in a JSON tree. */
  private static void strings(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.forEach(child -> strings(child, out));
  }

  @Test
  void theStrictReaderRefusesWhatSlackWouldRefuse() {
    // The checks have teeth: an unknown block type, or a misspelt field, fails to read.
    String unknownBlock =
        "{\"channel\":\"C1\",\"text\":\"t\",\"blocks\":[{\"type\":\"paragraph\",\"text\":\"x\"}]}";
    String misspelt =
        "{\"channel\":\"C1\",\"text\":\"t\",\"blocks\":[{\"type\":\"section\",\"txt\":"
            + "{\"type\":\"mrkdwn\",\"text\":\"x\"}}]}";
    assertThat(catching(() -> BlockKit.postMessage(unknownBlock)))
        .isInstanceOf(JsonParseException.class);
    assertThat(catching(() -> BlockKit.postMessage(misspelt))).isNotNull();
    String tooLongButton =
        "{\"channel\":\"C1\",\"text\":\"t\",\"blocks\":[{\"type\":\"actions\",\"elements\":"
            + "[{\"type\":\"button\",\"action_id\":\"a\",\"value\":\"v\",\"text\":{\"type\":\"plain_text\",\"text\":\""
            + "x".repeat(76)
            + "\"}}]}]}";
    assertThat(catching(() -> BlockKit.postMessage(tooLongButton)))
        .isInstanceOf(AssertionError.class);
    String unescaped =
        "{\"channel\":\"C1\",\"text\":\"t\",\"blocks\":[{\"type\":\"section\",\"text\":"
            + "{\"type\":\"mrkdwn\",\"text\":\"a < b\"}}]}";
    assertThat(catching(() -> BlockKit.postMessage(unescaped))).isInstanceOf(AssertionError.class);
  }

  private static Throwable catching(Runnable r) {
    try {
      r.run();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  @Test
  void anOfferedButtonCarriesTheQuestionAskedAndOlderButtonsStillRead() {
    SlackMessages.ButtonValue three =
        SlackMessages.ButtonValue.decode(
            new SlackMessages.ButtonValue("an-id", "What is it?", "what is that thing").encode());
    assertThat(three)
        .isEqualTo(new SlackMessages.ButtonValue("an-id", "What is it?", "what is that thing"));
    assertThat(SlackMessages.ButtonValue.decode("an-id\nWhat is it?"))
        .isEqualTo(new SlackMessages.ButtonValue("an-id", "What is it?", null));
  }
}
