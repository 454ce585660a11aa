package faqbot.corpus;

/**
 * A line of an entry's {@code Related} list: a question that should name another entry, or the id
 * of that entry where the source names entries by id.
 *
 * @param question the question as written (for an id, the target's title where the source gives it)
 * @param line the line of the file it was read from (1-based), or 0 when it came from elsewhere
 * @param id the id of the entry meant, or null to find it by its question
 */
public record RelatedQuestion(String question, int line, String id) {

  public RelatedQuestion(String question, int line) {
    this(question, line, null);
  }
}
