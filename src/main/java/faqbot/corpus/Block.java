package faqbot.corpus;

import java.util.List;

/**
 * One block of an answer's body: a paragraph, a quote, or a list.
 *
 * @param kind what the block is
 * @param text the text of a paragraph or quote (with the seed's {@code <u>} marks); null for lists
 * @param items the items of a list; empty for other kinds
 * @param spans the text of a paragraph or quote as runs with their look and links; empty for lists
 * @param itemSpans the items of a list as runs; empty for other kinds
 */
public record Block(
    Kind kind, String text, List<String> items, List<Span> spans, List<List<Span>> itemSpans) {

  /** The kinds of block the corpus format knows. */
  public enum Kind {
    PARAGRAPH,
    QUOTE,
    BULLETS,
    NUMBERED
  }

  public Block {
    items = items == null ? List.of() : List.copyOf(items);
    // A block stored before blocks had runs (an older index) takes them from its marks.
    spans = spans == null ? Spans.fromMarked(text) : List.copyOf(spans);
    itemSpans =
        itemSpans == null
            ? items.stream().map(Spans::fromMarked).toList()
            : itemSpans.stream().map(List::copyOf).toList();
  }

  /** A block in the corpus notation, its spans read from its {@code <u>} marks. */
  public Block(Kind kind, String text, List<String> items) {
    this(kind, text, items, Spans.fromMarked(text), items.stream().map(Spans::fromMarked).toList());
  }

  static Block paragraph(String text) {
    return new Block(Kind.PARAGRAPH, text, List.of());
  }

  static Block quote(String text) {
    return new Block(Kind.QUOTE, text, List.of());
  }

  static Block list(Kind kind, List<String> items) {
    return new Block(kind, null, items);
  }

  /** A paragraph or quote made of runs, its text their plain text. */
  static Block ofSpans(Kind kind, List<Span> spans) {
    return new Block(kind, Spans.plain(spans), List.of(), spans, List.of());
  }

  /** A list whose items are made of runs. */
  static Block ofItems(Kind kind, List<List<Span>> items) {
    return new Block(kind, null, items.stream().map(Spans::plain).toList(), List.of(), items);
  }
}
