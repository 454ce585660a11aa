package faqbot.http;

import faqbot.answer.Answer;
import faqbot.answer.EntryView;
import faqbot.answer.Listing;
import faqbot.corpus.Block;
import faqbot.corpus.Marks;
import faqbot.corpus.Slugs;
import faqbot.corpus.Source;
import faqbot.corpus.Span;
import faqbot.corpus.Spans;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * Renders the FAQ as web pages a person can open and share: one per answer, and one listing every
 * question by tag. The pages are built as a tree, so corpus text is always text and only http,
 * https and mailto links become links.
 */
final class FaqPages {
  /** The stylesheet the pages link to (the only thing their policy lets them load). */
  static final String STYLESHEET = "/faq.css";

  static final String POLICY =
      "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none';"
          + " frame-ancestors 'none'";

  private static final String UNTAGGED = "Other questions";

  private FaqPages() {}

  /** The page of one answer. */
  static String entry(EntryView entry, String siteName) {
    Document doc = shell(entry.question() + " — " + siteName);
    Element body = doc.body();
    body.appendElement("header").appendElement("a").attr("href", "/faq").text("All questions");
    Element article = body.appendElement("main").appendElement("article");
    article.appendElement("h1").text(entry.question());
    if (entry.video() != null && !entry.video().isBlank()) {
      Element video = article.appendElement("p").addClass("video").appendText("Video: ");
      link(video, entry.videoUrl(), Marks.strip(entry.video()));
    }
    for (Block block : entry.blocks()) {
      block(article, block);
    }
    if (!entry.tags().isEmpty()) {
      Element tags = article.appendElement("p").addClass("tags").appendText("Tags: ");
      for (String tag : entry.tags()) {
        tags.appendElement("a").attr("href", "/faq#" + anchor(tag)).text(tag);
      }
    }
    if (!entry.related().isEmpty()) {
      Element section = article.appendElement("section").attr("aria-labelledby", "related");
      section.appendElement("h2").id("related").text("Related questions");
      Element list = section.appendElement("ul");
      for (Answer.Link related : entry.related()) {
        Element item = list.appendElement("li");
        if (related.id() != null) {
          item.appendElement("a").attr("href", pagePath(related.id())).text(related.question());
        } else {
          item.text(related.question());
        }
      }
    }
    if (!entry.sources().isEmpty()) {
      Element section = article.appendElement("section").attr("aria-labelledby", "sources");
      section.appendElement("h2").id("sources").text("Sources");
      Element list = section.appendElement("ol");
      for (Source source : entry.sources()) {
        source(list.appendElement("li"), source);
      }
    }
    if (entry.origin() != null) {
      Element origin = article.appendElement("p").addClass("origin").appendText("Published at ");
      link(origin, entry.origin(), host(entry.origin()));
    }
    return doc.outerHtml();
  }

  /** The page listing every question, grouped by tag (an entry under each of its tags). */
  static String index(List<Listing> entries, String siteName) {
    Map<String, List<Listing>> byTag = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    List<Listing> untagged = new ArrayList<>();
    for (Listing entry : entries) {
      if (entry.tags().isEmpty()) {
        untagged.add(entry);
      }
      for (String tag : entry.tags()) {
        byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(entry);
      }
    }
    Document doc = shell("All questions — " + siteName);
    Element main = doc.body().appendElement("main");
    main.appendElement("h1").text("All questions");
    main.appendElement("p")
        .text(entries.size() + (entries.size() == 1 ? " question" : " questions"));
    if (!byTag.isEmpty()) {
      Element nav = main.appendElement("nav").attr("aria-label", "Tags").appendElement("ul");
      byTag
          .keySet()
          .forEach(
              tag ->
                  nav.appendElement("li")
                      .appendElement("a")
                      .attr("href", "#" + anchor(tag))
                      .text(tag));
      if (!untagged.isEmpty()) {
        nav.appendElement("li")
            .appendElement("a")
            .attr("href", "#" + anchor(UNTAGGED))
            .text(UNTAGGED);
      }
    }
    byTag.forEach((tag, listed) -> group(main, tag, listed));
    if (!untagged.isEmpty()) {
      group(main, byTag.isEmpty() ? null : UNTAGGED, untagged);
    }
    return doc.outerHtml();
  }

  /** The page for an id no entry has. */
  static String notFound(String id, String siteName) {
    Document doc = shell("Not found — " + siteName);
    Element main = doc.body().appendElement("main");
    main.appendElement("h1").text("No such question");
    main.appendElement("p")
        .text("No answer has the id \u201c" + id + "\u201d; it may have been removed or renamed.");
    main.appendElement("p").appendElement("a").attr("href", "/faq").text("See all questions");
    return doc.outerHtml();
  }

  /** Where an entry's page is: {@code /faq/} and its id, escaped as a path segment. */
  static String pagePath(String id) {
    return "/faq/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void group(Element main, String tag, List<Listing> listed) {
    Element section = main.appendElement("section");
    if (tag != null) {
      section.appendElement("h2").id(anchor(tag)).text(tag + " (" + listed.size() + ")");
    }
    Element list = section.appendElement("ul");
    for (Listing entry : listed) {
      list.appendElement("li")
          .appendElement("a")
          .attr("href", pagePath(entry.id()))
          .text(entry.question());
    }
  }

  private static Document shell(String title) {
    Document doc = Document.createShell("");
    doc.prependChild(new DocumentType("html", "", ""));
    doc.outputSettings().charset(StandardCharsets.UTF_8);
    doc.child(0).attr("lang", "en");
    Element head = doc.head();
    head.appendElement("meta").attr("charset", "utf-8");
    head.appendElement("meta")
        .attr("name", "viewport")
        .attr("content", "width=device-width, initial-scale=1");
    head.appendElement("title").text(title);
    head.appendElement("link").attr("rel", "stylesheet").attr("href", STYLESHEET);
    return doc;
  }

  private static void block(Element parent, Block block) {
    switch (block.kind()) {
      case PARAGRAPH -> runs(parent.appendElement("p"), block.spans(), block.text());
      case QUOTE -> runs(parent.appendElement("blockquote"), block.spans(), block.text());
      case BULLETS, NUMBERED -> {
        Element list = parent.appendElement(block.kind() == Block.Kind.BULLETS ? "ul" : "ol");
        for (int i = 0; i < block.items().size(); i++) {
          List<Span> spans = i < block.itemSpans().size() ? block.itemSpans().get(i) : List.of();
          runs(list.appendElement("li"), spans, block.items().get(i));
        }
      }
    }
  }

  private static void runs(Element parent, List<Span> spans, String text) {
    List<Span> shown = spans.isEmpty() ? Spans.fromMarked(text) : spans;
    for (Span span : shown) {
      switch (span.kind()) {
        case TEXT -> parent.appendText(span.text());
        case EMPHASIS -> parent.appendElement("em").text(span.text());
        case STRONG -> parent.appendElement("strong").text(span.text());
        case CODE -> parent.appendElement("code").text(span.text());
        case MARK -> parent.appendElement("u").text(span.text());
        case LINK -> link(parent, span.url(), span.text());
      }
    }
  }

  private static void source(Element item, Source source) {
    String title =
        source.title() != null ? Marks.strip(source.title()) : Marks.strip(source.text());
    if (source.url() != null && Span.isSafeUrl(source.url())) {
      link(item, source.url(), title);
    } else {
      item.appendText(title);
    }
    if (source.authors() != null) {
      item.appendText(" \u2014 " + Marks.strip(source.authors()));
    }
    if (source.date() != null) {
      item.appendText(" (" + source.date() + ")");
    }
  }

  /** A link to a safe URL, or the text alone. */
  private static void link(Element parent, String url, String text) {
    if (url != null && Span.isSafeUrl(url)) {
      parent.appendElement("a").attr("href", url).attr("rel", "noopener noreferrer").text(text);
    } else {
      parent.appendText(text);
    }
  }

  private static String anchor(String tag) {
    return "tag-" + Slugs.id(tag);
  }

  private static String host(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? url : host.replaceFirst("^www\\.", "");
    } catch (IllegalArgumentException e) {
      return url;
    }
  }
}
