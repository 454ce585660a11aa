package faqbot.corpus;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads one entry from a Markdown file that opens with a front-matter header:
 *
 * <pre>
 * ---
 * question: What is inner alignment?
 * phrasings:
 *   - What is inner misalignment?
 * tags: [alignment]
 * related:
 *   - What is outer alignment?
 * sources: ["[Risks from Learned Optimization](https://arxiv.org/abs/1906.01820)"]
 * ---
 * The answer, in Markdown.
 * </pre>
 *
 * Only {@code question} is required. The id is the file name's slug, as for the seed format.
 */
public final class MarkdownEntryReader {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Set<String> KNOWN =
      Set.of(
          "question",
          "phrasings",
          "alternates",
          "tags",
          "related",
          "sources",
          "video",
          "video_url",
          "id");

  private MarkdownEntryReader() {}

  /**
   * Reads a file. A file that cannot be an entry gives no entry and says why; warnings come with an
   * entry.
   */
  public static CorpusParser.Result parse(String fileName, String shownAs, byte[] bytes) {
    List<CorpusProblem> problems = new ArrayList<>();
    String text;
    try {
      text = TextFiles.decode(bytes);
    } catch (EntryException e) {
      return failed(shownAs, e.line(), e.getMessage());
    }
    text = text.replace("\r\n", "\n").replace('\r', '\n');
    if (!text.startsWith("---\n")) {
      return failed(
          shownAs, 1, "needs a front-matter header: a line '---', 'question: …', and '---'");
    }
    int end = text.indexOf("\n---", 3);
    while (end >= 0 && !closesHeader(text, end + 4)) {
      end = text.indexOf("\n---", end + 4);
    }
    if (end < 0) {
      return failed(
          shownAs, 1, "the front-matter header opened on line 1 is never closed by '---'");
    }
    String header = text.substring(4, end + 1);
    int bodyStart = text.indexOf('\n', end + 4);
    String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
    JsonNode meta;
    try {
      meta = YAML.readTree(header);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : at.getLineNr() + 1;
      String why = e.getOriginalMessage().strip().split("\n")[0];
      boolean inBrackets = why.contains("flow sequence") || why.contains("expected ',' or ']'");
      return failed(
          shownAs,
          line,
          "front matter is not valid YAML ("
              + why
              + ")"
              + (inBrackets
                  ? "; a question inside [ ] must be quoted, or write a list one '- ' item a line"
                  : ""));
    }
    if (meta == null || !meta.isObject()) {
      return failed(shownAs, 2, "front matter must be 'key: value' lines");
    }
    meta.fieldNames()
        .forEachRemaining(
            key -> {
              if (!KNOWN.contains(key)) {
                problems.add(
                    CorpusProblem.warning(
                        shownAs,
                        lineOf(header, key),
                        "unknown front-matter key '"
                            + key
                            + "'; known: "
                            + String.join(", ", KNOWN.stream().sorted().toList())));
              }
            });
    String question = scalar(meta, "question");
    if (question == null) {
      return failed(shownAs, 2, "front matter has no 'question:'");
    }
    MarkdownAnswer.Result answer;
    try {
      answer = MarkdownAnswer.read(body);
    } catch (EntryException e) {
      return failed(shownAs, lineCount(header) + 3, e.getMessage());
    }
    if (answer.blocks().isEmpty()) {
      return failed(shownAs, lineCount(header) + 3, "has no answer text after its front matter");
    }
    List<String> alternates = new ArrayList<>(strings(meta, "phrasings"));
    alternates.addAll(strings(meta, "alternates"));
    List<RelatedQuestion> related =
        strings(meta, "related").stream()
            .map(q -> new RelatedQuestion(q, lineOf(header, "related")))
            .toList();
    List<Source> sources = new ArrayList<>(answer.sources());
    strings(meta, "sources").forEach(s -> sources.add(SourceParser.parseLink(s)));
    String id = scalar(meta, "id");
    String stem = fileName.replaceFirst("(?i)\\.(md|markdown)$", "");
    String video = scalar(meta, "video") != null ? scalar(meta, "video") : answer.video();
    String videoUrl =
        scalar(meta, "video_url") != null ? scalar(meta, "video_url") : answer.videoUrl();
    FaqEntry entry =
        new FaqEntry(
            Slugs.id(id != null ? id : stem),
            question.strip(),
            alternates,
            strings(meta, "tags"),
            video,
            answer.blocks(),
            related,
            "",
            sources,
            shownAs,
            videoUrl,
            null);
    return new CorpusParser.Result(entry, problems);
  }

  /** Whether what follows a line's "---" is only spaces to the end of the line. */
  private static boolean closesHeader(String text, int from) {
    int eol = text.indexOf('\n', from);
    return text.substring(from, eol < 0 ? text.length() : eol).isBlank();
  }

  private static CorpusParser.Result failed(String shownAs, int line, String message) {
    return new CorpusParser.Result(null, List.of(CorpusProblem.error(shownAs, line, message)));
  }

  private static String scalar(JsonNode meta, String key) {
    JsonNode value = meta.get(key);
    return value != null && value.isValueNode() && !value.asText().isBlank()
        ? value.asText().strip()
        : null;
  }

  /** A key's values: a YAML list, or one value. */
  private static List<String> strings(JsonNode meta, String key) {
    JsonNode value = meta.get(key);
    List<String> out = new ArrayList<>();
    if (value == null || value.isNull()) {
      return out;
    }
    if (value.isArray()) {
      value.forEach(
          v -> {
            if (v.isValueNode() && !v.asText().isBlank()) {
              out.add(v.asText().strip());
            }
          });
    } else if (value.isValueNode() && !value.asText().isBlank()) {
      out.add(value.asText().strip());
    }
    return out;
  }

  /** The file line (1-based, counting the opening '---') where a header key is written. */
  private static int lineOf(String header, String key) {
    String[] lines = header.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(key + ":")) {
        return i + 2;
      }
    }
    return 2;
  }

  private static int lineCount(String header) {
    return (int) header.chars().filter(c -> c == '\n').count();
  }
}
