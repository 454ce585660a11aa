package faqbot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faqbot.answer.Answer;
import faqbot.answer.EntryView;
import faqbot.corpus.Block;
import faqbot.corpus.Marks;
import faqbot.corpus.Source;
import faqbot.corpus.Span;
import faqbot.text.Cut;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Block Kit messages the bot sends, within Slack's limits: at most 50 blocks, 3000
 * characters of section text, 150 of header text, 75 of button text, 2000 of button value, 10
 * elements per context block and 25 per actions block. Every message also has a plain {@code text}
 * fallback for notifications and clients without blocks.
 */
final class SlackMessages {
  static final int MAX_BLOCKS = 50;
  static final int MAX_SECTION_TEXT = 3000;
  static final int MAX_HEADER_TEXT = 150;
  static final int MAX_BUTTON_TEXT = 75;
  static final int MAX_BUTTON_VALUE = 2000;
  static final int MAX_CONTEXT_ELEMENTS = 10;
  static final int MAX_ACTIONS_ELEMENTS = 25;

  /**
   * The most answer text shown in Slack; longer answers are cut at a clean place and link to the
   * full answer.
   */
  static final int BODY_BUDGET = 6000;

  /** The most characters of one source shown. */
  static final int MAX_SOURCE_TEXT = 300;

  /** The most related (or offered) questions shown as buttons. */
  static final int MAX_QUESTION_BUTTONS = 5;

  /** The most characters of the plain-text fallback. */
  static final int MAX_FALLBACK = 1000;

  /** The shortest start of a paragraph worth showing when the rest does not fit. */
  static final int MIN_TAIL = 200;

  static final String ASK_RELATED = "ask_related_";
  static final String ASK_OFFERED = "ask_offered_";
  static final String FEEDBACK_YES = "feedback_yes";
  static final String FEEDBACK_NO = "feedback_no";
  static final String FEEDBACK_BLOCK = "faqbot_feedback";
  static final String FEEDBACK_PROMPT_BLOCK = "faqbot_feedback_prompt";

  /** What an answer shows, whether it came from {@link Answer} or from {@link EntryView}. */
  record Shown(
      String id,
      String question,
      String video,
      List<Block> blocks,
      List<Answer.Link> related,
      List<Source> sources,
      String videoUrl) {

    Shown(
        String id,
        String question,
        String video,
        List<Block> blocks,
        List<Answer.Link> related,
        List<Source> sources) {
      this(id, question, video, blocks, related, sources, null);
    }

    static Shown of(Answer answer) {
      Answer.Shown a = answer.answer();
      return new Shown(
          a.id(),
          a.question(),
          a.video(),
          a.blocks(),
          answer.related(),
          answer.sources(),
          a.videoUrl());
    }

    static Shown of(EntryView entry) {
      return new Shown(
          entry.id(),
          entry.question(),
          entry.video(),
          entry.blocks(),
          entry.related(),
          entry.sources(),
          entry.videoUrl());
    }
  }

  /**
   * The value a question button carries: the entry id (or nothing) and the question, on two lines,
   * and on a third the question asked when it fits whole.
   */
  record ButtonValue(String id, String question, String asked) {
    ButtonValue(String id, String question) {
      this(id, question, null);
    }

    /**
     * The value of a feedback button: the entry voted on and the question asked (the entry's own
     * when the answer was a click on it). A question asked too long to fit whole goes as none: cut,
     * it would be kept as a question nobody asked.
     */
    static ButtonValue vote(String id, String asked, String entryQuestion) {
      if (asked == null) {
        return new ButtonValue(id, entryQuestion);
      }
      ButtonValue withAsked = new ButtonValue(id, asked);
      return withAsked.fits() ? withAsked : new ButtonValue(id, "");
    }

    String encode() {
      if (asked != null && !fits()) {
        // The question asked goes whole or not at all, for the same reason as a vote's.
        return new ButtonValue(id, question).encode();
      }
      return Cut.atMost(joined(), MAX_BUTTON_VALUE);
    }

    private boolean fits() {
      return joined().length() <= MAX_BUTTON_VALUE;
    }

    private String joined() {
      return (id == null ? "" : id) + "\n" + question + (asked == null ? "" : "\n" + asked);
    }

    static ButtonValue decode(String value) {
      if (value == null) {
        return new ButtonValue(null, "");
      }
      int nl = value.indexOf('\n');
      if (nl < 0) {
        return new ButtonValue(null, value);
      }
      String id = value.substring(0, nl);
      String rest = value.substring(nl + 1);
      int second = rest.indexOf('\n');
      return second < 0
          ? new ButtonValue(id.isEmpty() ? null : id, rest)
          : new ButtonValue(
              id.isEmpty() ? null : id, rest.substring(0, second), rest.substring(second + 1));
    }
  }

  private final ObjectMapper json;
  private final SlackSettings settings;

  SlackMessages(ObjectMapper json, SlackSettings settings) {
    this.json = json;
    this.settings = settings;
  }

  /**
   * The message for an answer.
   *
   * @param shown what to show
   * @param asked the message it answers, carried by the feedback buttons
   */
  ObjectNode answer(Shown shown, String asked) {
    ArrayNode blocks = json.createArrayNode();
    blocks.add(header(shown.question()));
    if (shown.video() != null && !shown.video().isBlank()) {
      blocks.add(
          context(
              List.of(
                  ":film_frames: Video: _"
                      + cutEscaped(video(shown), MAX_SOURCE_TEXT + 300)
                      + "_")));
    }

    // What follows the body, built first so the body knows how many blocks it may use.
    List<ObjectNode> after = new ArrayList<>();
    if (!shown.sources().isEmpty()) {
      after.add(sources(shown.sources()));
    }
    List<Answer.Link> related = shown.related().stream().limit(MAX_QUESTION_BUTTONS).toList();
    if (!related.isEmpty()) {
      after.add(section("*Related questions*"));
      ArrayNode buttons = json.createArrayNode();
      for (int i = 0; i < related.size(); i++) {
        Answer.Link link = related.get(i);
        buttons.add(
            button(
                ASK_RELATED + (i + 1),
                link.question(),
                new ButtonValue(link.id(), link.question()).encode()));
      }
      after.add(actions("faqbot_related", buttons));
    }
    after.add(context(List.of("Was this helpful?")).put("block_id", FEEDBACK_PROMPT_BLOCK));
    ArrayNode votes = json.createArrayNode();
    String vote = ButtonValue.vote(shown.id(), asked, shown.question()).encode();
    votes.add(button(FEEDBACK_YES, "\uD83D\uDC4D Yes", vote));
    votes.add(button(FEEDBACK_NO, "\uD83D\uDC4E No", vote));
    after.add(actions(FEEDBACK_BLOCK, votes));

    int room = MAX_BLOCKS - blocks.size() - after.size();
    for (String text : body(shown.blocks(), settings.fullAnswerUrl(shown.id()), room)) {
      blocks.add(section(text));
    }
    after.forEach(blocks::add);

    String plain =
        Marks.strip(
            shown.blocks().stream()
                .map(SlackMessages::plain)
                .reduce((a, b) -> a + "\n\n" + b)
                .orElse(""));
    return message(shown.question() + "\n\n" + plain, blocks);
  }

  /**
   * The message when the bot shows no answer (it asks which was meant, declines, or replies to
   * small talk): its reply, and the questions it offers as buttons.
   */
  ObjectNode offered(Answer answer, String asked) {
    ArrayNode blocks = json.createArrayNode();
    blocks.add(section(cutEscaped(Mrkdwn.escape(answer.reply()), MAX_SECTION_TEXT)));
    List<Answer.Alternative> offered =
        answer.alternatives().stream().limit(MAX_QUESTION_BUTTONS).toList();
    StringBuilder fallback = new StringBuilder(answer.reply());
    if (!offered.isEmpty()) {
      ArrayNode buttons = json.createArrayNode();
      for (int i = 0; i < offered.size(); i++) {
        Answer.Alternative alt = offered.get(i);
        // The question asked goes along, so a click on an entry can be kept as what was meant.
        String value = new ButtonValue(alt.id(), alt.question(), asked).encode();
        buttons.add(button(ASK_OFFERED + (i + 1), alt.question(), value));
        fallback.append("\n").append(i + 1).append(". ").append(alt.question());
      }
      blocks.add(actions("faqbot_offered", buttons));
    }
    return message(fallback.toString(), blocks);
  }

  /** A message of one short line. */
  ObjectNode notice(String text) {
    ArrayNode blocks = json.createArrayNode();
    blocks.add(section(cutEscaped(Mrkdwn.escape(text), MAX_SECTION_TEXT)));
    return message(text, blocks);
  }

  /**
   * A context block of mrkdwn text elements (at most {@value #MAX_CONTEXT_ELEMENTS}), each already
   * escaped.
   */
  ObjectNode context(List<String> mrkdwn) {
    ObjectNode block = json.createObjectNode().put("type", "context");
    ArrayNode elements = block.putArray("elements");
    mrkdwn.stream().limit(MAX_CONTEXT_ELEMENTS).forEach(t -> elements.add(text("mrkdwn", t)));
    return block;
  }

  /**
   * The answer's body as section texts: blocks in order, packed into sections of at most {@value
   * #MAX_SECTION_TEXT} characters, at most {@code maxSections} of them and {@value #BODY_BUDGET}
   * characters in all; when it does not fit, cut at a clean place and ended with a link to the full
   * answer.
   */
  static List<String> body(List<Block> blocks, String fullUrl, int maxSections) {
    String more =
        " \u2026\n\n"
            + (fullUrl == null
                ? "_(Shortened: the full answer is longer.)_"
                : "*" + Mrkdwn.link(fullUrl, "Read the full answer") + "*");
    int limit =
        MAX_SECTION_TEXT
            - more.length(); // every section keeps room for the link, should it end up last
    int budget = BODY_BUDGET - more.length();
    int sectionsAllowed = Math.max(1, maxSections);
    List<String> pieces = new ArrayList<>();
    for (Block block : blocks) {
      pieces.addAll(pieces(block, limit));
    }
    List<String> sections = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int used = 0;
    boolean cut = false;
    for (String piece : pieces) {
      String text = piece;
      if (used + text.length() > budget) {
        text = budget - used >= MIN_TAIL ? Mrkdwn.cut(text, budget - used) : "";
        cut = true;
      }
      if (!text.isEmpty()) {
        if (current.length() == 0) {
          current.append(text);
        } else if (current.length() + 2 + text.length() <= limit) {
          current.append("\n\n").append(text);
        } else if (sections.size() + 2 <= sectionsAllowed) {
          sections.add(current.toString());
          current.setLength(0);
          current.append(text);
        } else {
          int room = limit - current.length() - 2;
          String head = room >= MIN_TAIL ? Mrkdwn.cut(text, room) : "";
          if (!head.isEmpty()) {
            current.append("\n\n").append(head);
          }
          cut = true;
        }
        used += text.length() + 2;
      }
      if (cut) {
        break;
      }
    }
    if (cut) {
      if (current.length() == 0 && !sections.isEmpty()) {
        current.append(sections.remove(sections.size() - 1));
      }
      current.append(more);
    }
    if (current.length() > 0) {
      sections.add(current.toString().strip());
    }
    if (sections.isEmpty()) {
      sections.add(more.strip()); // an entry without a body: at least say where it is
    }
    return sections;
  }

  /** One block of the answer as mrkdwn pieces, each at most {@code limit} characters. */
  private static List<String> pieces(Block block, int limit) {
    List<String> out = new ArrayList<>();
    switch (block.kind()) {
      case PARAGRAPH -> split(rich(block.spans(), block.text()), limit, "", out);
      case QUOTE -> split(rich(block.spans(), block.text()), limit - 2, "> ", out);
      case BULLETS, NUMBERED -> {
        StringBuilder group = new StringBuilder();
        for (int i = 0; i < block.items().size(); i++) {
          String mark = block.kind() == Block.Kind.BULLETS ? "\u2022 " : (i + 1) + ". ";
          List<String> itemPieces = new ArrayList<>();
          List<Span> spans = i < block.itemSpans().size() ? block.itemSpans().get(i) : List.of();
          split(rich(spans, block.items().get(i)), limit - mark.length(), "", itemPieces);
          for (int p = 0; p < itemPieces.size(); p++) {
            String line = (p == 0 ? mark : "   ") + itemPieces.get(p);
            if (group.length() > 0 && group.length() + 1 + line.length() > limit) {
              out.add(group.toString());
              group.setLength(0);
            }
            if (group.length() > 0) {
              group.append('\n');
            }
            group.append(line);
          }
        }
        if (group.length() > 0) {
          out.add(group.toString());
        }
      }
    }
    return out;
  }

  /** The video's title, a link to it where its address is known. */
  private static String video(Shown shown) {
    String title = Mrkdwn.clip(Marks.strip(shown.video()), MAX_SOURCE_TEXT);
    return shown.videoUrl() == null ? Mrkdwn.escape(title) : Mrkdwn.link(shown.videoUrl(), title);
  }

  /** A block's runs as mrkdwn, or its text where it has no runs. */
  private static String rich(List<Span> spans, String text) {
    return spans.isEmpty() ? Mrkdwn.fromCorpus(text) : Mrkdwn.fromSpans(spans);
  }

  /**
   * Splits escaped text into pieces of at most {@code limit} characters at clean places, each with
   * a prefix.
   */
  private static void split(String text, int limit, String prefix, List<String> out) {
    String rest = text.strip();
    while (!rest.isEmpty()) {
      String head = Mrkdwn.cut(rest, limit);
      if (head.isEmpty()) {
        head = Cut.atMost(rest, limit);
      }
      if (head.isEmpty()) {
        // A limit smaller than one character: never with Slack's limits, but take one whole rather
        // than loop.
        head = rest.substring(0, rest.offsetByCodePoints(0, 1));
      }
      out.add(prefix + head);
      rest = rest.substring(head.length()).strip();
    }
  }

  private static String plain(Block block) {
    return switch (block.kind()) {
      case PARAGRAPH, QUOTE -> block.text();
      case BULLETS -> String.join("\n", block.items().stream().map(i -> "\u2022 " + i).toList());
      case NUMBERED -> {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < block.items().size(); i++) {
          b.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(block.items().get(i));
        }
        yield b.toString();
      }
    };
  }

  private ObjectNode sources(List<Source> sources) {
    List<String> elements = new ArrayList<>();
    elements.add("*Sources*");
    int room = MAX_CONTEXT_ELEMENTS - 1;
    int shown = sources.size() <= room ? sources.size() : room - 1;
    for (int i = 0; i < shown; i++) {
      elements.add(source(sources.get(i)));
    }
    if (shown < sources.size()) {
      elements.add("\u2026 and " + (sources.size() - shown) + " more");
    }
    return context(elements);
  }

  /**
   * One citation: its title linked to its URL where it has both, with authors and date; else the
   * line as written.
   */
  static String source(Source source) {
    String text;
    if (source.title() != null && !source.title().isBlank()) {
      StringBuilder b = new StringBuilder();
      String title = Mrkdwn.clip(Marks.strip(source.title()), 200);
      b.append(
          Mrkdwn.safeUrl(source.url()) ? Mrkdwn.link(source.url(), title) : Mrkdwn.escape(title));
      String by = source.authors() == null ? "" : Mrkdwn.clip(Marks.strip(source.authors()), 80);
      String date = source.date() == null ? "" : source.date().strip();
      if (!by.isEmpty() || !date.isEmpty()) {
        b.append(" \u2014 ").append(Mrkdwn.escape(by));
        if (!date.isEmpty()) {
          b.append(by.isEmpty() ? "" : " ")
              .append("(")
              .append(Mrkdwn.escape(Mrkdwn.clip(date, 40)))
              .append(")");
        }
      }
      text = b.toString();
    } else {
      text = Mrkdwn.escape(Mrkdwn.clip(Marks.strip(source.text()), MAX_SOURCE_TEXT));
    }
    return cutEscaped(text, MAX_SOURCE_TEXT + 60);
  }

  private ObjectNode message(String fallback, ArrayNode blocks) {
    ObjectNode message = json.createObjectNode();
    message.put(
        "text", cutEscaped(Mrkdwn.escape(Mrkdwn.clip(fallback, MAX_FALLBACK)), MAX_FALLBACK + 200));
    message.set("blocks", blocks);
    return message;
  }

  private ObjectNode header(String question) {
    ObjectNode block = json.createObjectNode().put("type", "header");
    block.set("text", plainText(Mrkdwn.clip(question, MAX_HEADER_TEXT)));
    return block;
  }

  private ObjectNode section(String mrkdwn) {
    ObjectNode block = json.createObjectNode().put("type", "section");
    block.set("text", text("mrkdwn", mrkdwn));
    return block;
  }

  private ObjectNode actions(String blockId, ArrayNode elements) {
    ObjectNode block = json.createObjectNode().put("type", "actions").put("block_id", blockId);
    ArrayNode kept = json.createArrayNode();
    for (int i = 0; i < elements.size() && i < MAX_ACTIONS_ELEMENTS; i++) {
      kept.add(elements.get(i));
    }
    block.set("elements", kept);
    return block;
  }

  private ObjectNode button(String actionId, String label, String value) {
    ObjectNode button = json.createObjectNode().put("type", "button").put("action_id", actionId);
    button.set("text", plainText(Mrkdwn.clip(label, MAX_BUTTON_TEXT)));
    button.put("value", value);
    return button;
  }

  private ObjectNode plainText(String text) {
    return json.createObjectNode()
        .put("type", "plain_text")
        .put("text", text.isEmpty() ? "\u2026" : text)
        .put("emoji", true);
  }

  private ObjectNode text(String type, String text) {
    return json.createObjectNode().put("type", type).put("text", text.isEmpty() ? " " : text);
  }

  /** Escaped text cut to a limit without breaking an escape, with an ellipsis when cut. */
  private static String cutEscaped(String escaped, int limit) {
    if (escaped.length() <= limit) {
      return escaped;
    }
    return Mrkdwn.cut(escaped, limit - 1) + "\u2026";
  }
}
