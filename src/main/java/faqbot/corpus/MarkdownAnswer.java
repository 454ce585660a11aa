package faqbot.corpus;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.CodeBlock;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Reads an answer written in Markdown into blocks of spans, keeping links and emphasis, and taking
 * footnotes as sources and a leading YouTube {@code <iframe>} as the entry's video. Raw HTML is
 * never kept as markup: an embedded video becomes a link to it, any other HTML its text.
 */
public final class MarkdownAnswer {
  private static final Parser PARSER =
      Parser.builder(
              new MutableDataSet()
                  .set(
                      Parser.EXTENSIONS,
                      List.of(FootnoteExtension.create(), TablesExtension.create())))
          .build();

  private static final Pattern YOUTUBE_EMBED =
      Pattern.compile("^https?://(?:www\\.)?youtube(?:-nocookie)?\\.com/embed/([A-Za-z0-9_-]{6,})");

  /** A "**" left as text, unless it stands between digits (2**10). */
  private static final Pattern UNPAIRED_STRONG = Pattern.compile("(?<!\\d)\\*\\*|\\*\\*(?!\\d)");

  private static final Pattern SOURCES_HEADING =
      Pattern.compile(
          "(sources?|references?|citations?|footnotes?|external links?|further reading)\\W*",
          Pattern.CASE_INSENSITIVE);

  /**
   * What an answer in Markdown holds.
   *
   * @param blocks the body
   * @param sources its footnotes, and the items of a list under a "Sources" or "References" heading
   * @param video the title of the video the answer opens with, or null
   * @param videoUrl where to watch it, or null
   */
  public record Result(List<Block> blocks, List<Source> sources, String video, String videoUrl) {}

  private final List<Block> blocks = new ArrayList<>();
  private final List<Source> sources = new ArrayList<>();
  private final List<Source> listedSources = new ArrayList<>();
  private final Set<String> definedFootnotes = new HashSet<>();
  private final Map<String, Integer> footnoteNumbers = new LinkedHashMap<>();
  private final Document document;
  private String video;
  private String videoUrl;
  private boolean bodyStarted;
  private boolean underSourcesHeading;

  private MarkdownAnswer(Document document) {
    this.document = document;
  }

  /**
   * Reads {@code markdown}.
   *
   * @throws EntryException for text nested or repeated past what the parser can take (thousands of
   *     nested quotes, a line of thousands of dashes), which no answer holds but a file might
   */
  static Result read(String markdown) {
    try {
      MarkdownAnswer reader = new MarkdownAnswer(PARSER.parse(markdown == null ? "" : markdown));
      reader.readDocument();
      List<Source> sources = new ArrayList<>(reader.sources);
      sources.addAll(reader.listedSources);
      return new Result(reader.blocks, sources, reader.video, reader.videoUrl);
    } catch (StackOverflowError e) {
      throw new EntryException(0, "has Markdown nested or repeated too deeply to read");
    } catch (RuntimeException e) {
      throw new EntryException(0, "cannot be read as Markdown: " + e.getMessage());
    }
  }

  private void readDocument() {
    List<FootnoteBlock> footnotes = new ArrayList<>();
    for (Node node : document.getChildren()) {
      if (node instanceof FootnoteBlock footnote) {
        footnotes.add(footnote);
        definedFootnotes.add(footnote.getText().toString());
      }
    }
    for (Node node : document.getChildren()) {
      if (!(node instanceof FootnoteBlock)) {
        readBlock(node);
      }
    }
    // Footnotes become sources in the order the text refers to them, unreferenced ones after.
    footnotes.sort(
        (a, b) ->
            Integer.compare(
                footnoteNumbers.getOrDefault(a.getText().toString(), Integer.MAX_VALUE),
                footnoteNumbers.getOrDefault(b.getText().toString(), Integer.MAX_VALUE)));
    for (FootnoteBlock footnote : footnotes) {
      addSource(inlines(footnote), sources);
    }
  }

  private void readBlock(Node node) {
    if (node instanceof Heading heading) {
      List<Span> spans = inlines(heading);
      underSourcesHeading = SOURCES_HEADING.matcher(Spans.plain(spans).strip()).matches();
      if (!underSourcesHeading) {
        add(Block.Kind.PARAGRAPH, restyle(spans, Span.Kind.STRONG));
      }
    } else if (node instanceof ListBlock list) {
      List<List<Span>> items = new ArrayList<>();
      listItems(list, items);
      if (underSourcesHeading) {
        items.forEach(item -> addSource(item, listedSources));
      } else if (!items.isEmpty()) {
        blocks.add(
            Block.ofItems(
                list instanceof OrderedList ? Block.Kind.NUMBERED : Block.Kind.BULLETS, items));
        bodyStarted = true;
      }
    } else if (node instanceof Paragraph) {
      add(Block.Kind.PARAGRAPH, inlines(node));
    } else if (node instanceof BlockQuote) {
      List<Span> spans = new ArrayList<>();
      for (Node child : node.getChildren()) {
        if (!spans.isEmpty()) {
          spans.add(Span.text(" "));
        }
        spans.addAll(child instanceof Paragraph ? inlines(child) : plainOf(child));
      }
      add(Block.Kind.QUOTE, spans);
    } else if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
      String code = codeText(node);
      add(Block.Kind.PARAGRAPH, List.of(new Span(Span.Kind.CODE, code, null)));
    } else if (node instanceof HtmlBlock html) {
      readHtmlBlock(html.getChars().toString());
    } else if (node instanceof TableBlock table) {
      tableRows(table);
    } else if (node instanceof HtmlCommentBlock || node instanceof ThematicBreak) {
      // nothing a reader sees
    } else {
      add(Block.Kind.PARAGRAPH, plainOf(node));
    }
  }

  private static String codeText(Node node) {
    String text =
        node instanceof CodeBlock || node instanceof FencedCodeBlock
            ? node.getChildChars().toString()
            : node.getChars().toString();
    return text.strip();
  }

  private void add(Block.Kind kind, List<Span> spans) {
    List<Span> tidy = tidy(spans);
    if (!tidy.isEmpty()) {
      blocks.add(Block.ofSpans(kind, tidy));
      bodyStarted = true;
    }
  }

  private void listItems(ListBlock list, List<List<Span>> items) {
    for (Node item : list.getChildren()) {
      if (!(item instanceof ListItem)) {
        continue;
      }
      List<Span> spans = new ArrayList<>();
      List<ListBlock> nested = new ArrayList<>();
      for (Node child : item.getChildren()) {
        if (child instanceof ListBlock inner) {
          nested.add(inner);
        } else if (child instanceof HtmlBlock html) {
          spans.addAll(htmlSpans(html.getChars().toString()));
        } else {
          if (!spans.isEmpty()) {
            spans.add(Span.text(" "));
          }
          spans.addAll(child instanceof Paragraph ? inlines(child) : plainOf(child));
        }
      }
      List<Span> tidy = tidy(spans);
      if (!tidy.isEmpty()) {
        items.add(tidy);
      }
      // A list within an item is read as more items of the same list: every face shows one level.
      nested.forEach(inner -> listItems(inner, items));
    }
  }

  private void tableRows(TableBlock table) {
    List<List<Span>> rows = new ArrayList<>();
    table
        .getDescendants()
        .forEach(
            node -> {
              if (node instanceof TableRow row && !(row.getParent() instanceof TableSeparator)) {
                List<Span> spans = new ArrayList<>();
                for (Node cell : row.getChildren()) {
                  if (cell instanceof TableCell) {
                    if (!spans.isEmpty()) {
                      spans.add(Span.text(" · "));
                    }
                    spans.addAll(inlines(cell));
                  }
                }
                List<Span> tidy = tidy(spans);
                if (!tidy.isEmpty()) {
                  rows.add(tidy);
                }
              }
            });
    if (!rows.isEmpty()) {
      blocks.add(Block.ofItems(Block.Kind.BULLETS, rows));
      bodyStarted = true;
    }
  }

  /**
   * A block of raw HTML: a video as the entry's video or a link to it, a table by rows, else text.
   */
  private void readHtmlBlock(String html) {
    Element parsed = Jsoup.parseBodyFragment(html).body();
    List<Element> rows = parsed.select("tr");
    if (!rows.isEmpty()) {
      List<List<Span>> items = new ArrayList<>();
      for (Element row : rows) {
        List<String> cells = row.select("td, th").eachText();
        String line = String.join(" · ", cells.stream().filter(c -> !c.isBlank()).toList());
        if (!line.isBlank()) {
          items.add(List.of(Span.text(line)));
        }
      }
      if (!items.isEmpty()) {
        blocks.add(Block.ofItems(Block.Kind.BULLETS, items));
        bodyStarted = true;
      }
      return;
    }
    List<Element> frames = parsed.select("iframe");
    if (!bodyStarted && video == null && frames.size() == 1 && parsed.text().isBlank()) {
      String watch = watchUrl(frames.get(0).attr("src"));
      if (watch != null) {
        video = titleOf(frames.get(0));
        videoUrl = watch;
        return;
      }
    }
    add(Block.Kind.PARAGRAPH, htmlSpans(html));
  }

  /** The spans of a piece of HTML: each video a link to it, everything else its text. */
  private static List<Span> htmlSpans(String html) {
    Element parsed = Jsoup.parseBodyFragment(html).body();
    List<Span> spans = new ArrayList<>();
    for (Element frame : parsed.select("iframe")) {
      String watch = watchUrl(frame.attr("src"));
      if (watch != null) {
        spans.add(Span.link(titleOf(frame), watch));
        spans.add(Span.text(" "));
      }
    }
    String text = parsed.text();
    if (!text.isBlank()) {
      spans.add(Span.text(text));
    }
    return spans;
  }

  private static String titleOf(Element frame) {
    String title = frame.attr("title").strip();
    return title.isEmpty() ? "Video" : title;
  }

  /** The page a YouTube embed shows, or null for any other frame. */
  static String watchUrl(String src) {
    Matcher m = YOUTUBE_EMBED.matcher(src == null ? "" : src.strip());
    return m.find() ? "https://www.youtube.com/watch?v=" + m.group(1) : null;
  }

  private void addSource(List<Span> spans, List<Source> into) {
    List<Span> tidy = tidy(spans);
    String text = Spans.plain(tidy).strip();
    if (text.isEmpty()) {
      return;
    }
    String url =
        tidy.stream()
            .filter(s -> s.kind() == Span.Kind.LINK)
            .map(Span::url)
            .findFirst()
            .orElse(null);
    String title = text;
    if (url != null && text.equals(url)) {
      title = null;
    }
    into.add(new Source(text, null, null, title, url));
  }

  /** The inline content of a node as spans. */
  private List<Span> inlines(Node parent) {
    List<Span> spans = new ArrayList<>();
    for (Node child : parent.getChildren()) {
      inline(child, Span.Kind.TEXT, spans);
    }
    return spans;
  }

  private void inline(Node node, Span.Kind style, List<Span> out) {
    if (node instanceof Text || node instanceof TextBase) {
      if (node instanceof TextBase) {
        node.getChildren().forEach(child -> inline(child, style, out));
        if (node.hasChildren()) {
          return;
        }
      }
      out.add(new Span(style, node.getChars().unescape(), null));
    } else if (node instanceof HtmlEntity) {
      out.add(new Span(style, node.getChars().unescape(), null));
    } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
      out.add(Span.text(" "));
    } else if (node instanceof Code code) {
      out.add(new Span(Span.Kind.CODE, code.getText().unescape(), null));
    } else if (node instanceof StrongEmphasis) {
      node.getChildren().forEach(child -> inline(child, Span.Kind.STRONG, out));
    } else if (node instanceof Emphasis) {
      Span.Kind next = style == Span.Kind.STRONG ? Span.Kind.STRONG : Span.Kind.EMPHASIS;
      node.getChildren().forEach(child -> inline(child, next, out));
    } else if (node instanceof Link link) {
      linkSpan(plainText(link), link.getUrl().unescape(), out);
    } else if (node instanceof AutoLink auto) {
      linkSpan(auto.getText().unescape(), auto.getUrl().unescape(), out);
    } else if (node instanceof MailLink mail) {
      linkSpan(mail.getText().unescape(), "mailto:" + mail.getText().unescape(), out);
    } else if (node instanceof LinkRef ref) {
      Reference target = ref.isDefined() ? ref.getReferenceNode(document) : null;
      String text = plainText(ref);
      if (target != null) {
        linkSpan(
            text.isBlank() ? ref.getReference().unescape() : text, target.getUrl().unescape(), out);
      } else {
        out.add(new Span(style, ref.getChars().unescape(), null));
      }
    } else if (node instanceof Image || node instanceof ImageRef) {
      String alt = plainText(node);
      if (!alt.isBlank()) {
        out.add(new Span(style, alt, null));
      }
    } else if (node instanceof Footnote footnote) {
      String label = footnote.getText().toString();
      if (definedFootnotes.contains(label)) {
        // Numbered as the sources list them: footnotes first, in the order the text cites them.
        int number = footnoteNumbers.computeIfAbsent(label, k -> footnoteNumbers.size() + 1);
        out.add(Span.text("[" + number + "]"));
      }
    } else if (node instanceof HtmlInline html) {
      String tag = html.getChars().toString();
      if (tag.toLowerCase(Locale.ROOT).startsWith("<iframe")) {
        out.addAll(htmlSpans(tag + "</iframe>"));
      } else if (tag.toLowerCase(Locale.ROOT).matches("<br\\s*/?>")) {
        out.add(Span.text(" "));
      }
      // any other tag is dropped; the text between tags is kept by its own nodes
    } else {
      node.getChildren().forEach(child -> inline(child, style, out));
    }
  }

  /**
   * Text without the strong marks that found no partner ({@code **word**like}, where Markdown's
   * rules leave both as text): a reader would only see asterisks where the writer meant bold.
   */
  private static String unpaired(String text) {
    return text.contains("**") ? UNPAIRED_STRONG.matcher(text).replaceAll("") : text;
  }

  private static void linkSpan(String text, String url, List<Span> out) {
    String shown = text.isBlank() ? url : text;
    out.add(Span.link(shown, url));
  }

  private List<Span> plainOf(Node node) {
    String text = plainText(node);
    return text.isBlank() ? List.of() : List.of(Span.text(text));
  }

  private String plainText(Node node) {
    List<Span> spans = new ArrayList<>();
    for (Node child : node.getChildren()) {
      inline(child, Span.Kind.TEXT, spans);
    }
    return Spans.plain(spans);
  }

  private static List<Span> restyle(List<Span> spans, Span.Kind kind) {
    return spans.stream()
        .map(s -> s.kind() == Span.Kind.TEXT ? new Span(kind, s.text(), null) : s)
        .toList();
  }

  /**
   * Joins neighbouring runs of one look, folds runs of white space, and trims the ends, dropping
   * runs left empty.
   */
  static List<Span> tidy(List<Span> spans) {
    List<Span> out = new ArrayList<>();
    for (Span s : spans) {
      String text = s.kind() == Span.Kind.CODE ? s.text() : s.text().replaceAll("\\s+", " ");
      if (text.isEmpty()) {
        continue;
      }
      Span span = new Span(s.kind(), text, s.url());
      Span last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.kind() == span.kind() && span.kind() != Span.Kind.LINK) {
        out.set(out.size() - 1, new Span(last.kind(), last.text() + span.text(), null));
      } else {
        out.add(span);
      }
    }
    // Only now that the text is whole can a "**" be told from a power (2**10).
    out.replaceAll(
        s ->
            s.kind() == Span.Kind.CODE || s.kind() == Span.Kind.LINK
                ? s
                : new Span(s.kind(), unpaired(s.text()), s.url()));
    out.removeIf(s -> s.text().isEmpty());
    trimEnd(out, 0);
    trimEnd(out, out.size() - 1);
    return out;
  }

  private static void trimEnd(List<Span> spans, int at) {
    while (!spans.isEmpty() && at >= 0 && at < spans.size()) {
      Span s = spans.get(at);
      String text = at == 0 ? s.text().stripLeading() : s.text().stripTrailing();
      if (!text.isEmpty()) {
        spans.set(at, new Span(s.kind(), text, s.url()));
        return;
      }
      spans.remove(at);
      at = at == 0 ? 0 : spans.size() - 1;
    }
  }
}
