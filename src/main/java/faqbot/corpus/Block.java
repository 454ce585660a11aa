package faqbot.corpus;

import java.util.List;

/**
 * One block of an answer's body: a paragraph, a quote, or a list.
 *
 * @param kind what the block is
 * @param text the text of a paragraph or quote (with its {@code <u>} marks); null for lists
 * @param items the items of a list; empty for other kinds
 */
public record Block(Kind kind, String text, List<String> items) {

  /** The kinds of block the corpus format knows. */
  public enum Kind {
    PARAGRAPH,
    QUOTE,
    BULLETS,
    NUMBERED
  }

  public Block {
    items = List.copyOf(items);
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
}
