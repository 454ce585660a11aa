package faqbot.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faqbot.answer.Answer;
import faqbot.answer.EntryView;
import faqbot.answer.Listing;
import faqbot.corpus.Block;
import faqbot.corpus.Source;
import faqbot.corpus.Span;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class FaqPagesTest {
  private static final String EVIL = "<script>alert(1)</script><img src=x onerror=alert(2)>";

  private static EntryView hostile() {
    Block body =
        new Block(
            Block.Kind.PARAGRAPH,
            EVIL,
            List.of(),
            List.of(
                Span.text(EVIL + " "),
                Span.link("a trap", "javascript:alert(3)"),
                Span.text(" and "),
                Span.link("a \"quoted\" link", "https://example.org/?q=\"x\"&a=<b>"),
                Span.text(" and "),
                Span.link("a fine one", "https://example.org/fine?a=1&b=2")),
            List.of());
    return new EntryView(
        "evil id/../x",
        "Is " + EVIL + " safe?",
        List.of(),
        List.of("tag \"one\""),
        EVIL,
        EVIL,
        List.of(body, new Block(Block.Kind.BULLETS, null, List.of("<b>item</b>"))),
        List.of(new Answer.Link("other id", "Other " + EVIL), new Answer.Link(null, "Unknown?")),
        List.of(
            new Source(EVIL, null, null, "Title " + EVIL, "javascript:alert(4)"),
            new Source("Paper", "A. Author", "2020", "Paper", "https://p.example/x")),
        "javascript:alert(5)",
        "https://aisafety.info/questions/8C7S");
  }

  @Test
  void anEntryPageKeepsEveryPieceOfCorpusTextAsText() {
    Document page = Jsoup.parse(FaqPages.entry(hostile(), "FAQ"));
    assertThat(page.select("script, img, iframe, [onerror], [onclick]")).isEmpty();
    assertThat(page.title()).isEqualTo("Is " + EVIL + " safe? — FAQ");
    assertThat(page.selectFirst("h1").text()).isEqualTo("Is " + EVIL + " safe?");
    assertThat(page.selectFirst("article > p:not(.video)").text()).startsWith(EVIL);
    assertThat(page.selectFirst("article ul li").text()).isEqualTo("<b>item</b>");
    assertThat(page.selectFirst(".video").text()).isEqualTo("Video: " + EVIL);
    assertThat(page.select(".video a")).isEmpty();
  }

  @Test
  void onlyWebLinksBecomeLinksAndRelatedQuestionsLinkToTheirPages() {
    Document page = Jsoup.parse(FaqPages.entry(hostile(), "FAQ"));
    assertThat(page.select("a").eachAttr("href"))
        .containsExactly(
            "/faq",
            "https://example.org/fine?a=1&b=2",
            "/faq#tag-tag-one",
            "/faq/other%20id",
            "https://p.example/x",
            "https://aisafety.info/questions/8C7S");
    assertThat(page.select("a[href^=http]").eachAttr("rel")).containsOnly("noopener noreferrer");
    assertThat(page.selectFirst("article > p:not(.video)").text())
        .contains("a trap")
        .contains("a \"quoted\" link"); // a URL with quotes and brackets is refused, its text kept
    Element related = page.selectFirst("#related + ul");
    assertThat(related.select("li").eachText()).containsExactly("Other " + EVIL, "Unknown?");
    assertThat(page.selectFirst("#sources + ol").select("li").eachText())
        .containsExactly("Title " + EVIL, "Paper — A. Author (2020)");
    assertThat(page.selectFirst(".origin a").text()).isEqualTo("aisafety.info");
  }

  @Test
  void aSpanRefusesALinkThatIsNotWebOrMail() {
    assertThatThrownBy(() -> new Span(Span.Kind.LINK, "x", "javascript:alert(1)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("javascript:alert(1)");
    assertThat(Span.link("x", " JavaScript:alert(1)").kind()).isEqualTo(Span.Kind.TEXT);
    assertThat(Span.link("x", "https://").kind()).isEqualTo(Span.Kind.TEXT);
  }

  @Test
  void theIndexGroupsQuestionsByTagAndListsUntaggedOnesLast() {
    Document page =
        Jsoup.parse(
            FaqPages.index(
                List.of(
                    new Listing("a", "Question A?", List.of("Zeta", "alpha")),
                    new Listing("b", "Question <b>B</b>?", List.of("alpha")),
                    new Listing("c", "Question C?", List.of())),
                "FAQ"));
    assertThat(page.select("h2").eachText())
        .containsExactly("alpha (2)", "Zeta (1)", "Other questions (1)");
    assertThat(page.select("section").get(0).select("a").eachText())
        .containsExactly("Question A?", "Question <b>B</b>?");
    assertThat(page.select("nav a").eachAttr("href"))
        .containsExactly("#tag-alpha", "#tag-zeta", "#tag-other-questions");
    assertThat(page.select("b")).isEmpty();
  }
}
