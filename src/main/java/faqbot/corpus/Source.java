package faqbot.corpus;

/**
 * One citation from an entry's {@code Sources} list: the raw line and the parts that could be read
 * from it.
 *
 * @param text the citation as written, with its {@code <u>} marks
 * @param authors who wrote it, as written ("Hubinger, Evan; et. al."), or null
 * @param date when, as written ("May 2019"), or null
 * @param title the title without marks or URL, or null when the line has no recognisable parts
 * @param url a URL written in the line, or null
 */
public record Source(String text, String authors, String date, String title, String url) {}
