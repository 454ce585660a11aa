package faqbot.index;

/**
 * A question offered while the user types: the entry it leads to, and the phrasing that matched.
 */
public record Suggestion(String id, String question) {}
