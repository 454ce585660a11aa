package faqbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import faqbot.corpus.Block;
import faqbot.corpus.FaqEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeTest {
  private static FaqEntry entry(String id, String... tags) {
    return new FaqEntry(
        id,
        "Question " + id + "?",
        List.of(),
        List.of(tags),
        null,
        List.of(new Block(Block.Kind.PARAGRAPH, "An answer.", List.of())),
        List.of(),
        "",
        List.of(),
        id + ".txt");
  }

  @Test
  void everyEntryByDefault() {
    assertThat(Scope.ALL.isAll()).isTrue();
    assertThat(Scope.ALL.admits(entry("a"))).isTrue();
  }

  @Test
  void tagsMatchWhateverTheirCaseAndSpacing() {
    Scope scope = Scope.tagged(List.of(" Inner Alignment ", "deception"));
    assertThat(scope.admits(entry("a", "inner alignment"))).isTrue();
    assertThat(scope.admits(entry("b", "Deception", "other"))).isTrue();
    assertThat(scope.admits(entry("c", "governance"))).isFalse();
    assertThat(scope.admits(entry("d"))).isFalse();
    assertThat(Scope.tagged(List.of(" ", "")).isAll()).isTrue();
  }

  @Test
  void hiddenEntriesNeverAnswer() {
    Scope scope = Scope.without(List.of("a"));
    assertThat(scope.admits(entry("a"))).isFalse();
    assertThat(scope.admits(entry("b"))).isTrue();
  }
}
