package faqbot.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faqbot.corpus.Span.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownAnswerTest {
  private static List<Span> spansOf(MarkdownAnswer.Result r, int block) {
    return r.blocks().get(block).spans();
  }

  @Test
  void keepsLinksEmphasisAndCodeAsRuns() {
    MarkdownAnswer.Result r =
        MarkdownAnswer.read(
            "A *mesa-optimizer* is **learned**, see [the paper](https://arxiv.org/abs/1906.01820)"
                + " and `code`.");
    assertThat(spansOf(r, 0))
        .containsExactly(
            Span.text("A "),
            new Span(Kind.EMPHASIS, "mesa-optimizer", null),
            Span.text(" is "),
            new Span(Kind.STRONG, "learned", null),
            Span.text(", see "),
            new Span(Kind.LINK, "the paper", "https://arxiv.org/abs/1906.01820"),
            Span.text(" and "),
            new Span(Kind.CODE, "code", null),
            Span.text("."));
    assertThat(r.blocks().get(0).text())
        .isEqualTo("A mesa-optimizer is learned, see the paper and code.");
  }

  @Test
  void linksThatAreNotWebOrMailBecomeTheirText() {
    MarkdownAnswer.Result r =
        MarkdownAnswer.read(
            "[click](javascript:alert(1)) [data](data:text/html,x) [rel](/local) [mail](mailto:a@b.org)");
    assertThat(spansOf(r, 0))
        .containsExactly(
            Span.text("click data rel "), new Span(Kind.LINK, "mail", "mailto:a@b.org"));
  }

  @Test
  void rawHtmlIsNeverKeptAsMarkup() {
    MarkdownAnswer.Result r =
        MarkdownAnswer.read(
            "Before <script>alert('x')</script> after <b onclick=\"x()\">bold</b>.\n\n"
                + "<div><img src=x onerror=alert(1)>Some <i>words</i></div>\n");
    String all = String.join(" ", r.blocks().stream().map(Block::text).toList());
    assertThat(all).doesNotContain("<").doesNotContain("onerror").contains("Some words");
    assertThat(r.blocks().stream().flatMap(b -> b.spans().stream()).map(Span::kind))
        .doesNotContain(Kind.LINK);
  }

  @Test
  void aLeadingYoutubeFrameIsTheVideoAndOthersAreLinks() {
    MarkdownAnswer.Result r =
        MarkdownAnswer.read(
            "<iframe src=\"https://www.youtube.com/embed/L5pUA3LsEaw\" title=\"Why Not Just\""
                + " allowfullscreen></iframe>\n\nText.\n\n"
                + "<iframe src=\"https://www.youtube.com/embed/ZeecOKBus3Q\" title=\"Instrumental"
                + " Convergence\"></iframe>\n\n"
                + "<iframe src=\"https://evil.example/x\"></iframe>\n");
    assertThat(r.video()).isEqualTo("Why Not Just");
    assertThat(r.videoUrl()).isEqualTo("https://www.youtube.com/watch?v=L5pUA3LsEaw");
    assertThat(r.blocks()).hasSize(2);
    assertThat(spansOf(r, 1))
        .containsExactly(
            new Span(
                Kind.LINK,
                "Instrumental Convergence",
                "https://www.youtube.com/watch?v=ZeecOKBus3Q"));
  }

  @Test
  void footnotesBecomeNumberedSourcesInTheOrderTheTextCitesThem() {
    MarkdownAnswer.Result r =
        MarkdownAnswer.read(
            "One claim[^b] and another[^a].\n\n"
                + "[^a]: Second, [a page](https://a.example/p).\n"
                + "[^b]: First, a book.\n");
    assertThat(Spans.plain(spansOf(r, 0))).isEqualTo("One claim[1] and another[2].");
    assertThat(r.sources())
        .extracting(Source::text, Source::url)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("First, a book.", null),
            org.assertj.core.groups.Tuple.tuple("Second, a page.", "https://a.example/p"));
    assertThat(r.blocks()).hasSize(1);
  }

  @Test
  void aListUnderASourcesHeadingIsSourcesNotBody() {
    MarkdownAnswer.Result r =
        MarkdownAnswer.read(
            "Answer.\n\n## Further reading\n\n- [A](https://a.example)\n- [B](https://b.example)\n");
    assertThat(r.blocks()).hasSize(1);
    assertThat(r.sources())
        .extracting(Source::url)
        .containsExactly("https://a.example", "https://b.example");
  }

  @Test
  void listsNestedListsTablesHeadingsAndQuotes() {
    MarkdownAnswer.Result r =
        MarkdownAnswer.read(
            "# Heading\n\n1. one\n2. two\n   - inner\n\n> quoted *words*\n\n"
                + "| a | b |\n|---|---|\n| 1 | [x](https://x.example) |\n\n"
                + "<table><tr><td>c</td><td>d</td></tr></table>\n");
    assertThat(r.blocks())
        .extracting(Block::kind)
        .containsExactly(
            Block.Kind.PARAGRAPH,
            Block.Kind.NUMBERED,
            Block.Kind.QUOTE,
            Block.Kind.BULLETS,
            Block.Kind.BULLETS);
    assertThat(spansOf(r, 0)).containsExactly(new Span(Kind.STRONG, "Heading", null));
    assertThat(r.blocks().get(1).items()).containsExactly("one", "two", "inner");
    assertThat(r.blocks().get(2).text()).isEqualTo("quoted words");
    assertThat(r.blocks().get(3).items()).containsExactly("a · b", "1 · x");
    assertThat(r.blocks().get(3).itemSpans().get(1))
        .contains(new Span(Kind.LINK, "x", "https://x.example"));
    assertThat(r.blocks().get(4).items()).containsExactly("c · d");
  }

  @Test
  void theSeedsMarksStayMarks() {
    Block seed = Block.paragraph("See <u>the paper</u> for more.");
    assertThat(seed.spans())
        .containsExactly(
            Span.text("See "), new Span(Kind.MARK, "the paper", null), Span.text(" for more."));
  }

  @Test
  void nothingIsNeverAnError() {
    assertThat(MarkdownAnswer.read("").blocks()).isEmpty();
    assertThat(MarkdownAnswer.read(null).blocks()).isEmpty();
    assertThat(MarkdownAnswer.read("<!-- only a comment -->\n\n---\n").blocks()).isEmpty();
  }

  @Test
  void textTooDeeplyNestedIsRefusedNotCrashedOn() {
    assertThatThrownBy(() -> MarkdownAnswer.read(">".repeat(5000) + " deep"))
        .isInstanceOf(EntryException.class)
        .hasMessageContaining("too deeply");
    assertThatThrownBy(() -> MarkdownAnswer.read("-".repeat(20000)))
        .isInstanceOf(EntryException.class);
  }

  @Test
  void onlyDefinedFootnotesAreNumberedAndTheyComeBeforeListedSources() {
    MarkdownAnswer.Result r =
        MarkdownAnswer.read(
            "A[^x] b[^y].\n\n2**10 FLOP.\n\nFDT**were.\n\n## Sources\n\n- [Listed](https://l.example)\n\n"
                + "[^y]: The footnote.\n");
    assertThat(r.blocks())
        .extracting(Block::text)
        .containsExactly("A b[1].", "2**10 FLOP.", "FDTwere.");
    assertThat(r.sources()).extracting(Source::text).containsExactly("The footnote.", "Listed");
  }
}
