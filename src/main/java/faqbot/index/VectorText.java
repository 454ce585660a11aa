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
   * question with the whole answer, the answer's opening when it is short, and passages of a long
   * answer.
   */
  static List<VectorText> allOf(Corpus corpus, String model) {
    List<VectorText> texts = new ArrayList<>();
    for (FaqEntry entry : corpus.entries()) {
      String id = entry.id();
      texts.add(of(id, Fields.ROLE_QUESTION, entry.question(), model));
      for (String alternate : entry.alternates()) {
        texts.add(of(id, Fields.ROLE_ALTERNATE, alternate, model));
      }
      texts.add(of(id, Fields.ROLE_FULL, entry.question() + "\n\n" + entry.plainText(), model));
      String lead = Passages.lead(entry);
      if (lead != null) {
        texts.add(of(id, Fields.ROLE_LEAD, lead, model));
      }
      for (String passage : Passages.of(entry)) {
        texts.add(of(id, Fields.ROLE_PASSAGE, passage, model));
      }
    }
    return texts;
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
