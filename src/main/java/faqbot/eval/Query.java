package faqbot.eval;

/** One evaluation question: its id (as the qrels name it) and its text. */
public record Query(String id, String text) {}
