package faqbot.answer;

import faqbot.corpus.Block;
import faqbot.corpus.Source;
import java.util.List;

/** One entry as shown on its own (for a link or a lookup), with its related questions resolved. */
public record EntryView(
    String id,
    String question,
    List<String> alternates,
    List<String> tags,
    String text,
    String video,
    List<Block> blocks,
    List<Answer.Link> related,
    List<Source> sources,
    String videoUrl,
    String origin) {}
