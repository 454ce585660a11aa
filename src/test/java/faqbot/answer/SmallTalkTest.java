package faqbot.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmallTalkTest {
  private final SmallTalk smallTalk = SmallTalk.standard();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "hi | greeting", "Hello there! | greeting", "hiii how are u | greeting", "helo | greeting",
        "thanks! | thanks", "thnaks a lot | thanks", "ty | thanks",
            "this is really helpful, great job | thanks",
        "bye | goodbye", "who are you? | identity", "hi, who are you? | identity",
            "r u a bot | identity",
        "help | help", "what can you do? | help", "whta can you do | help", "ok | acknowledgement",
        "👋 | help"
      })
  void recognisesSmallTalkAndItsKind(String message, String kind) {
    SmallTalk.Reading reading = smallTalk.read(message);
    assertThat(reading.isSmallTalk()).isTrue();
    assertThat(reading.kind()).isEqualTo(kind);
    assertThat(reading.reply()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "hi! what is reward hacking? | what is reward hacking?",
        "thanks, and what about corrigibility? | what about corrigibility?",
        "help me understand what AGI is | understand what AGI is",
        "who are you and can you tell me what deceptive alignment is? | can you tell me what deceptive alignment is?",
        "What is inner alignment? | What is inner alignment?",
        "hi, what can you tell me about superintelligence? | what can you tell me about superintelligence?"
      })
  void readsAQuestionAfterSmallTalkAsTheQuestion(String message, String question) {
    SmallTalk.Reading reading = smallTalk.read(message);
    assertThat(reading.isSmallTalk()).isFalse();
    assertThat(reading.question()).isEqualTo(question);
  }

  /**
   * Messages written blind for this test (40 small talk, 25 chatty questions the FAQ answers). Four
   * of the small talk were missed before the standard file learnt compliments, chat short forms and
   * stretched letters.
   */
  @Test
  void tellsSmallTalkFromChattyQuestionsOnAWrittenSet() throws IOException {
    List<String> lines =
        Files.readAllLines(
            Path.of("src/test/resources/smalltalk/messages.tsv"), StandardCharsets.UTF_8);
    int smallTalk = 0;
    int questions = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] columns = line.split("\t");
      boolean expected = columns[0].equals("smalltalk");
      assertThat(this.smallTalk.read(columns[1]).isSmallTalk()).as(columns[1]).isEqualTo(expected);
      if (expected) {
        smallTalk++;
      } else {
        questions++;
      }
    }
    assertThat(smallTalk).isEqualTo(40);
    assertThat(questions).isEqualTo(25);
  }

  @Test
  void readsAnOperatorsOwnReplies(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("smalltalk.json");
    Files.writeString(
        file, "{\"kinds\": {\"greeting\": {\"says\": [\"moin\"], \"reply\": \"Moin moin!\"}}}");
    SmallTalk own = SmallTalk.load(file);
    assertThat(own.read("Moin!").reply()).isEqualTo("Moin moin!");
    assertThat(own.read("hello").isSmallTalk()).isFalse();
  }

  @Test
  void namesTheFileAndTheProblemOfABadFile(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"kinds\": {\"greeting\": {\"says\": [\"hi\"]}}}");
    assertThatThrownBy(() -> SmallTalk.load(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("broken.json")
        .hasMessageContaining("\"greeting\" has no \"reply\"");
    Path notJson = dir.resolve("not.json");
    Files.writeString(notJson, "greeting: hi");
    assertThatThrownBy(() -> SmallTalk.load(notJson))
        .hasMessageContaining("not.json")
        .hasMessageContaining("cannot be read as JSON");
    assertThatThrownBy(() -> SmallTalk.load(dir.resolve("missing.json")))
        .hasMessageContaining("missing.json");
  }

  @Test
  void forgivesOneSlipOnlyInLongerWords() {
    assertThat(SmallTalk.sameWord("thanks", "thnaks")).isTrue();
    assertThat(SmallTalk.sameWord("hello", "helo")).isTrue();
    assertThat(SmallTalk.sameWord("bye", "bya")).isFalse();
    assertThat(SmallTalk.sameWord("thanks", "thinks")).isTrue();
    assertThat(SmallTalk.sameWord("thanks", "tanker")).isFalse();
  }
}
