package faqbot.corpus;

/**
 * A line of an entry's {@code Related} list: a question that should name another entry.
 *
 * @param question the question as written
 * @param line the line of the file it was read from (1-based), or 0 when it came from elsewhere
 */
public record RelatedQuestion(String question, int line) {}
