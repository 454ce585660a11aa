/**
 * The Slack face of the bot: a slash command, the Events API (mentions and direct messages) and
 * interactive buttons, served as extra routes on the HTTP server. Every request is checked against
 * Slack's signing secret before anything else is read from it; answers are computed off the request
 * thread and sent back through Slack's {@code response_url} or {@code chat.postMessage}.
 *
 * <p>Depends on {@code faqbot.answer}, {@code faqbot.corpus}, {@code faqbot.feedback} and {@code
 * faqbot.text} (and Javalin) only; {@link faqbot.slack.SlackFace} is the entry point.
 */
package faqbot.slack;
