package faqbot.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import faqbot.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AisafetyExportReaderTest {
  @TempDir Path folder;

  private static String row(
      String id, String title, String status, String markdown, String related, String extra) {
    return "{\"ui_id\": \""
        + id
        + "\", \"title\": \""
        + title
        + "\", \"status\": \""
        + status
        + "\", \"tags\": [\"Alignment\"], \"related_ids\": ["
        + related
        + "], \"alternate_phrasings\": [\"Another way to ask "
        + id
        + "\"], \"answer_markdown\": "
        + markdown
        + extra
        + "}";
  }

  private Path export(String... rows) throws IOException {
    Path file = folder.resolve("faq_entries.jsonl");
    Files.writeString(file, String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private Path sample() throws IOException {
    return export(
        row(
            "8C7S",
            "Are corporations superintelligent?",
            "Live on site",
            "\"<iframe src=\\\"https://www.youtube.com/embed/L5pUA3LsEaw\\\" title=\\\"Why Not"
                + " Just\\\"></iframe>\\n\\nThey are, *in a sense*, per"
                + " [Bostrom](https://example.org/b)[^n].\\n\\n[^n]: Superintelligence, 2014.\"",
            "\"6207\", \"9999\", \"0001\"",
            ""),
        row(
            "6207",
            "What is superintelligence?",
            "Live on site",
            "\"A mind far beyond ours.\"",
            "\"8C7S\"",
            ""),
        row("0001", "A draft question?", "In review", "\"Draft text.\"", "", ""),
        row("0002", "An empty live one?", "Live on site", "\"\"", "", ""),
        "{not json",
        "[1, 2]");
  }

  @Test
  void readsLiveRowsWithTheirLinksVideoFootnotesTagsPhrasingsAndPage() throws IOException {
    Corpus corpus = Corpora.load(sample());
    assertThat(corpus.entries()).extracting(FaqEntry::id).containsExactly("8C7S", "6207");
    FaqEntry entry = corpus.byId("8C7S").orElseThrow();
    assertThat(entry.question()).isEqualTo("Are corporations superintelligent?");
    assertThat(entry.video()).isEqualTo("Why Not Just");
    assertThat(entry.videoUrl()).isEqualTo("https://www.youtube.com/watch?v=L5pUA3LsEaw");
    assertThat(entry.origin()).isEqualTo("https://aisafety.info/questions/8C7S");
    assertThat(entry.tags()).containsExactly("Alignment");
    assertThat(entry.alternates()).containsExactly("Another way to ask 8C7S");
    assertThat(entry.text()).isEqualTo("They are, in a sense, per Bostrom[1].");
    assertThat(entry.blocks().get(0).spans())
        .contains(new Span(Span.Kind.LINK, "Bostrom", "https://example.org/b"));
    assertThat(entry.sources())
        .extracting(Source::text)
        .containsExactly("Superintelligence, 2014.");
    assertThat(entry.related())
        .extracting(RelatedQuestion::id)
        .containsExactly("6207", "9999", "0001");
    assertThat(corpus.resolve(entry.related().get(0))).contains("6207");
  }

  @Test
  void reportsDanglingRelatedIdsEmptyAnswersAndBadLinesWithTheirLines() throws IOException {
    Path file = sample();
    Corpus corpus = Corpora.load(file);
    assertThat(corpus.problems())
        .extracting(CorpusProblem::toString)
        .containsExactlyInAnyOrder(
            file + ":4: error: entry 0002 (\"An empty live one?\") has no answer text",
            file
                + ":5: error: is not a JSON object: Unexpected character ('n' (code 110)):"
                + " was expecting double-quote to start field name",
            file + ":6: error: is not a JSON object",
            file
                + ":1: warning: related id '9999' names no entry loaded (\"a page not in this export\")",
            file + ":1: warning: related id '0001' names no entry loaded (\"A draft question?\")");
  }

  @Test
  void otherStatusesAreServedWhenAsked() throws IOException {
    Path file = sample();
    Corpus drafts = new CorpusSource(file, List.of("in review")).load();
    assertThat(drafts.entries()).extracting(FaqEntry::id).containsExactly("0001");
    Corpus all = new CorpusSource(file, List.of("all")).load();
    assertThat(all.entries()).extracting(FaqEntry::id).containsExactly("8C7S", "6207", "0001");
    assertThat(new CorpusSource(file, List.of("all")).fingerprint())
        .isNotEqualTo(CorpusSource.of(file).fingerprint());
  }

  @Test
  void noAnswerOfTheRealExportShowsMarkdownOrHtmlSyntax() {
    Path export =
        Fixtures.sharedDatasets().resolve("aisafety-info-stampy/faq_entries_2023-03.jsonl");
    Corpus corpus = Corpora.load(export);
    assertThat(corpus.size()).isBetween(188, 190);
    Pattern syntax =
        Pattern.compile(
            "\\*\\*|\\]\\(|\\[\\^|<[a-zA-Z/!][^>]*>|&[a-z]+;|&#\\d+;|^#+ |\\\\[*_\\[\\]`]");
    List<String> shown = new ArrayList<>();
    for (FaqEntry entry : corpus.entries()) {
      for (Block block : entry.blocks()) {
        block.spans().forEach(s -> shown.add(entry.id() + ": " + s.text()));
        block
            .itemSpans()
            .forEach(item -> item.forEach(s -> shown.add(entry.id() + ": " + s.text())));
      }
      entry.sources().forEach(s -> shown.add(entry.id() + ": " + s.text()));
    }
    assertThat(shown).hasSizeGreaterThan(1000).noneMatch(t -> syntax.matcher(t).find());
    // Eight answers embed YouTube frames: one opens with its video, the others show them as links.
    assertThat(corpus.entries().stream().filter(e -> e.videoUrl() != null)).hasSize(1);
    assertThat(
            corpus.entries().stream()
                .flatMap(e -> e.blocks().stream())
                .flatMap(
                    b ->
                        Stream.concat(
                            b.spans().stream(), b.itemSpans().stream().flatMap(List::stream)))
                .filter(
                    s ->
                        s.kind() == Span.Kind.LINK
                            && s.url().startsWith("https://www.youtube.com/watch?v=")))
        .hasSizeGreaterThanOrEqualTo(8);
    assertThat(corpus.entries().stream().filter(e -> !e.sources().isEmpty())).hasSizeGreaterThan(5);
  }

  @Test
  void anEvaluationCorpusInJsonlStillReadsAsOne() throws IOException {
    Path file = folder.resolve("eval.jsonl");
    Files.writeString(
        file,
        "{\"doc_id\": \"d1\", \"question\": \"Q?\", \"answer\": \"A.\"}\n",
        StandardCharsets.UTF_8);
    assertThat(Corpora.load(file).entries()).extracting(FaqEntry::id).containsExactly("d1");
  }

  @Test
  void anExportSavedWithAByteOrderMarkIsStillTheExport() throws IOException {
    Path file = export("\uFEFF" + row("6207", "What is it?", "Live on site", "\"Text.\"", "", ""));
    assertThat(Corpora.load(file).entries()).extracting(FaqEntry::id).containsExactly("6207");
  }
}
