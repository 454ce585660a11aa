package faqbot.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the AISafety.info table export: one JSON row per line with {@code ui_id}, {@code title},
 * {@code status}, {@code answer_markdown}, {@code tags}, {@code related_ids} and {@code
 * alternate_phrasings}. Rows of the chosen statuses are loaded; the answer's Markdown keeps its
 * links, its footnotes become sources, and each entry links to its page on the site.
 */
public final class AisafetyExportReader {
  /** Where the site shows an entry, by its page id. */
  static final String PAGE = "https://aisafety.info/questions/";

  private static final ObjectMapper JSON = new ObjectMapper();

  private AisafetyExportReader() {}

  /** Whether a JSON line is a row of the export (rather than an evaluation corpus's entry). */
  static boolean isExportRow(JsonNode node) {
    return node != null && node.has("ui_id") && node.has("answer_markdown");
  }

  public static Corpus read(Path file, CorpusSource source) {
    String shownAs = file.toString();
    List<CorpusProblem> problems = new ArrayList<>();
    List<String> lines;
    try {
      lines = TextFiles.read(file).lines().toList();
    } catch (EntryException e) {
      problems.add(CorpusProblem.error(shownAs, e.line(), e.getMessage()));
      return Corpus.of(List.of(), problems);
    }
    Map<Integer, JsonNode> rows = new HashMap<>();
    Map<String, String> titles = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(lines.get(i));
        if (!node.isObject()) {
          problems.add(CorpusProblem.error(shownAs, i + 1, "is not a JSON object"));
          continue;
        }
        rows.put(i + 1, node);
        String id = JsonFields.text(node, "ui_id");
        String title = JsonFields.text(node, "title");
        if (id != null && title != null) {
          titles.putIfAbsent(id, title.strip());
        }
      } catch (JsonProcessingException e) {
        problems.add(
            CorpusProblem.error(shownAs, i + 1, "is not a JSON object: " + e.getOriginalMessage()));
      }
    }
    List<FaqEntry> entries = new ArrayList<>();
    rows.keySet().stream()
        .sorted()
        .forEach(
            line -> {
              JsonNode row = rows.get(line);
              if (!source.serves(JsonFields.text(row, "status"))) {
                return;
              }
              FaqEntry entry = entry(row, line, shownAs, titles, problems);
              if (entry != null) {
                entries.add(entry);
              }
            });
    return Corpus.of(entries, problems);
  }

  private static FaqEntry entry(
      JsonNode row,
      int line,
      String shownAs,
      Map<String, String> titles,
      List<CorpusProblem> problems) {
    String id = JsonFields.text(row, "ui_id");
    String title = JsonFields.text(row, "title");
    String markdown = JsonFields.text(row, "answer_markdown");
    if (id == null || title == null) {
      problems.add(CorpusProblem.error(shownAs, line, "needs a ui_id and a title"));
      return null;
    }
    if (markdown == null) {
      problems.add(
          CorpusProblem.error(
              shownAs, line, "entry " + id + " (\"" + title.strip() + "\") has no answer text"));
      return null;
    }
    MarkdownAnswer.Result answer;
    try {
      answer = MarkdownAnswer.read(markdown);
    } catch (EntryException e) {
      problems.add(CorpusProblem.error(shownAs, line, "entry " + id + " " + e.getMessage()));
      return null;
    }
    if (answer.blocks().isEmpty()) {
      problems.add(
          CorpusProblem.error(
              shownAs,
              line,
              "entry " + id + " (\"" + title.strip() + "\") has no answer text once read"));
      return null;
    }
    List<RelatedQuestion> related = new ArrayList<>();
    for (String target : JsonFields.strings(row, "related_ids")) {
      // The row's line is in the entry's file name, as for every message about the entry.
      related.add(
          new RelatedQuestion(titles.getOrDefault(target, "a page not in this export"), 0, target));
    }
    List<String> alternates =
        JsonFields.strings(row, "alternate_phrasings").stream()
            .filter(p -> !Slugs.questionKey(p).equals(Slugs.questionKey(title)))
            .toList();
    return new FaqEntry(
        id,
        title.strip(),
        alternates,
        JsonFields.strings(row, "tags"),
        answer.video(),
        answer.blocks(),
        related,
        "",
        answer.sources(),
        shownAs + ":" + line,
        answer.videoUrl(),
        PAGE + id);
  }
}
