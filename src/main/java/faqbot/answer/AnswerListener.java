package faqbot.answer;

/** Told about every message answered through a face, to record what the bot could not answer. */
@FunctionalInterface
public interface AnswerListener {
  void answered(String message, Answer answer);

  AnswerListener NONE = (message, answer) -> { };
}
