package faqbot.corpus;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One FAQ entry: a question, the human-written answer to it, and what surrounds it.
 *
 * @param id stable identifier, the slug of the file name ("what-is-deceptive-alignment")
 * @param question the question the entry answers
 * @param alternates other phrasings of the same question (from {@code Also asked as:})
 * @param tags topic labels (from {@code Tags:})
 * @param video title of the video shown above the answer, or null
 * @param blocks the answer body, block by block
 * @param related follow-up questions, each meant to name another entry
 * @param editorsText the {@code Scratchpad} and {@code Removed} text: searchable, never shown
 * @param sources citations
 * @param file where the entry was read from, for messages
 * @param videoUrl where the video can be watched (http or https), or null
 * @param origin the entry's own page where its authors publish it (http or https), or null
 */
public record FaqEntry(
    String id,
    String question,
    List<String> alternates,
    List<String> tags,
    String video,
    List<Block> blocks,
    List<RelatedQuestion> related,
    String editorsText,
    List<Source> sources,
    String file,
    String videoUrl,
    String origin) {

  public FaqEntry {
    alternates = List.copyOf(alternates);
    tags = List.copyOf(tags);
    blocks = List.copyOf(blocks);
    related = List.copyOf(related);
    sources = List.copyOf(sources);
    editorsText = editorsText == null ? "" : editorsText;
    videoUrl = videoUrl != null && Span.isSafeUrl(videoUrl) ? videoUrl : null;
    origin = origin != null && Span.isSafeUrl(origin) ? origin : null;
  }

  /** An entry with no video link and no page of its own elsewhere, as the seed format gives. */
  public FaqEntry(
      String id,
      String question,
      List<String> alternates,
      List<String> tags,
      String video,
      List<Block> blocks,
      List<RelatedQuestion> related,
      String editorsText,
      List<Source> sources,
      String file) {
    this(
        id,
        question,
        alternates,
        tags,
        video,
        blocks,
        related,
        editorsText,
        sources,
        file,
        null,
        null);
  }

  /**
   * The body as plain text in the corpus's own notation: blank lines between blocks, "- " and "> "
   * kept, marks kept.
   */
  public String text() {
    return blocks.stream().map(FaqEntry::render).collect(Collectors.joining("\n\n"));
  }

  /**
   * The body with the {@code <u>} marks removed, for search and for places that cannot show marks.
   */
  public String plainText() {
    return Marks.strip(text());
  }

  private static String render(Block block) {
    return switch (block.kind()) {
      case PARAGRAPH -> block.text();
      case QUOTE -> "> " + block.text();
      case BULLETS ->
          block.items().stream().map(item -> "- " + item).collect(Collectors.joining("\n"));
      case NUMBERED -> {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < block.items().size(); i++) {
          if (i > 0) {
            out.append('\n');
          }
          out.append(i + 1).append(". ").append(block.items().get(i));
        }
        yield out.toString();
      }
    };
  }
}
