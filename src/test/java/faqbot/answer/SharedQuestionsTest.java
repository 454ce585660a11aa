package faqbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import faqbot.corpus.Corpora;
import faqbot.embed.SentenceEncoder;
import faqbot.index.FaqIndex;
import faqbot.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus where several entries answer one question (each answer of a thread kept as an entry), as
 * in FAQ datasets.
 */
class SharedQuestionsTest {
  private static final SentenceEncoder encoder = Fixtures.encoder();

  @TempDir Path dir;

  @Test
  void answersOnceAndOffersOtherQuestionsNotTheSameOneAgain() throws IOException {
    Path jsonl = dir.resolve("faq.jsonl");
    Files.write(
        jsonl,
        List.of(
            line(
                "r1",
                "How do I reset my password?",
                "Click 'Forgot password' on the sign-in page and we email you a link."),
            line(
                "r2",
                "How do I reset my password?",
                "If your company manages your account, ask your administrator."),
            line(
                "r3",
                "How do I reset my password?",
                "A new password needs at least twelve characters."),
            line(
                "e1",
                "How do I change my email address?",
                "Open settings, then account, and type the new address."),
            line(
                "d1",
                "How do I delete my account?",
                "Open settings, then account, and choose delete.")),
        StandardCharsets.UTF_8);
    try (FaqIndex index =
        FaqIndex.openOrBuild(jsonl, Corpora::load, dir.resolve("index"), encoder, r -> {})) {
      Answerer answerer = new Answerer(index);
      // A rewording close enough to be answered: what is tested is how entries sharing a question
      // rank and are offered, not how sure the bot is of a looser paraphrase ("I forgot my
      // password, how do I get a new one?" is offered as a choice, at 0.66).
      Answer answer = answerer.answer("how do i reset my password, i forgot it");
      assertThat(answer.matched()).isTrue();
      assertThat(answer.answer().question()).isEqualTo("How do I reset my password?");
      // The other answers to that question rank right after it...
      List<Candidate> found = answerer.search("how do i reset my password, i forgot it", 5);
      assertThat(found.get(0).entry().id()).isEqualTo(answer.answer().id());
      assertThat(found.subList(0, 3))
          .allSatisfy(
              c -> assertThat(c.entry().question()).isEqualTo("How do I reset my password?"));
      // ...but the alternatives offer other questions, each once.
      assertThat(answer.alternatives())
          .extracting(Answer.Alternative::question)
          .doesNotContain("How do I reset my password?")
          .doesNotHaveDuplicates()
          .isNotEmpty();
    }
  }

  private static String line(String id, String question, String answer) {
    return "{\"doc_id\": \""
        + id
        + "\", \"question\": \""
        + question
        + "\", \"answer\": \""
        + answer
        + "\"}";
  }
}
