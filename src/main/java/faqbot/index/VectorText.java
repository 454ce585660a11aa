package faqbot.index;

import faqbot.corpus.Corpus;
import faqbot.corpus.FaqEntry;
import faqbot.text.Hashes;
import java.util.ArrayList;
import java.util.List;

/**
 * A text of an entry that gets a sentence vector.
 *
 * @param owner the entry's id
 * @param role which of its texts it is ({@link Fields#ROLE_QUESTION} and the others)
 * @param text the text to embed
 * @param key the embedding cache's key: a hash of the model and the text
 */
record VectorText(String owner, String role, String text, String key) {

  /**
   * Every text of a corpus to embed with a model: each entry's question, each phrasing, the
   * question with the answer (with the opening passages of a long one), the answer's opening when
   * it is short, and passages of a long answer.
   */
  static List<VectorText> allOf(Corpus corpus, String model) {
    List<VectorText> texts = new ArrayList<>();
    for (FaqEntry entry : corpus.entries()) {
      String id = entry.id();
      texts.add(of(id, Fields.ROLE_QUESTION, entry.question(), model));
      for (String alternate : entry.alternates()) {
        texts.add(of(id, Fields.ROLE_ALTERNATE, alternate, model));
      }
      List<String> passages = Passages.of(entry);
      texts.add(of(id, Fields.ROLE_FULL, full(entry, passages), model));
      String lead = Passages.lead(entry);
      if (lead != null) {
        texts.add(of(id, Fields.ROLE_LEAD, lead, model));
      }
      for (String passage : passages) {
        texts.add(of(id, Fields.ROLE_PASSAGE, passage, model));
      }
    }
    return texts;
  }

  /**
   * How many words of a long answer go with the question into its question-and-answer vector: the
   * passages that open the answer, as many as fit (at least one).
   */
  static final int FULL_WORDS = 240;

  /**
   * The question with its answer; for an answer long enough to be cut into passages, the question
   * with the passages that open it, up to {@value #FULL_WORDS} words. The models read at most 512
   * tokens (about 380 words), so of a long answer this vector only ever saw an opening part, and
   * the passages cover the whole answer: each long answer was embedded nearly twice. With the
   * shorter text a cold build embeds a third fewer tokens for a corpus of long answers, the bundled
   * corpus's paraphrases rank a little better (MAP 0.841 to 0.845) and the other pinned figures
   * keep (docs/performance.md, "Cold index").
   */
  static String full(FaqEntry entry, List<String> passages) {
    if (passages.isEmpty()) {
      return entry.question() + "\n\n" + entry.plainText();
    }
    StringBuilder text = new StringBuilder(entry.question()).append("\n\n").append(passages.get(0));
    int words = words(passages.get(0));
    for (String passage : passages.subList(1, passages.size())) {
      words += words(passage);
      if (words > FULL_WORDS) {
        break;
      }
      text.append('\n').append(passage);
    }
    return text.toString();
  }

  static int words(String text) {
    return text.split("\\s+").length;
  }

  private static VectorText of(String owner, String role, String text, String model) {
    return new VectorText(owner, role, text, key(model, text));
  }

  /**
   * The cache key of a text's vector by a model: the same text by the same model always has the
   * same vector.
   */
  static String key(String model, String text) {
    return Hashes.sha256Hex(model, text);
  }
}
