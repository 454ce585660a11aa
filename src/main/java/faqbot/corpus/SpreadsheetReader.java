package faqbot.corpus;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a spreadsheet of questions and answers saved as CSV or TSV, with a header row naming the
 * columns: {@code question} and {@code answer} (Markdown or plain text) are required; {@code id},
 * {@code source}, {@code tags} and {@code alternate questions} are optional. A cell of several
 * values separates them with {@code |} or new lines (tags also with commas).
 */
public final class SpreadsheetReader {
  private static final CsvMapper CSV = new CsvMapper();
  private static final Pattern MANY = Pattern.compile("\\s*(?:\\||\\n)\\s*");
  private static final Pattern MANY_TAGS = Pattern.compile("\\s*(?:\\||\\n|,|;)\\s*");

  /** The column each known role may be named by, spaces, dashes and underscores ignored. */
  private static final Map<String, List<String>> NAMES =
      Map.of(
          "question", List.of("question", "questions", "title"),
          "answer", List.of("answer", "answers", "response"),
          "id", List.of("id", "qnaid", "key"),
          "source", List.of("source", "sources", "url", "link", "links"),
          "tags", List.of("tags", "tag", "category", "categories", "metadata", "topic", "topics"),
          "alternates",
              List.of(
                  "alternatequestions",
                  "alternates",
                  "alternatephrasings",
                  "phrasings",
                  "suggestedquestions",
                  "alsoaskedas"));

  private SpreadsheetReader() {}

  public static Corpus read(Path file) {
    String shownAs = file.toString();
    boolean tabs = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv");
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(tabs ? '\t' : ',');
    if (tabs) {
      // Tab-separated exports rarely quote; a stray quote must not swallow the rows after it.
      schema = schema.withoutQuoteChar();
    }
    List<FaqEntry> entries = new ArrayList<>();
    List<CorpusProblem> problems = new ArrayList<>();
    String text;
    try {
      text = TextFiles.read(file);
    } catch (EntryException e) {
      problems.add(CorpusProblem.error(shownAs, e.line(), e.getMessage()));
      return Corpus.of(entries, problems);
    }
    try (Reader reader = new StringReader(text);
        MappingIterator<Map<String, String>> rows =
            CSV.readerForMapOf(String.class)
                .with(schema)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES)
                .readValues(reader)) {
      Map<String, String> columns =
          columns(((CsvParser) rows.getParser()).getSchema(), shownAs, problems);
      if (columns == null) {
        return Corpus.of(entries, problems);
      }
      int nextRowAtLeast = 2;
      while (true) {
        // Where the parser stands before a row is read is the row's first line; after a row it
        // gave up on mid-line, the next row starts on a later line than that.
        int line = Math.max(rows.getParser().currentLocation().getLineNr(), nextRowAtLeast);
        Map<String, String> row;
        try {
          if (!rows.hasNextValue()) {
            break;
          }
          row = rows.nextValue();
        } catch (RuntimeJsonMappingException | IOException e) {
          problems.add(
              CorpusProblem.error(
                  shownAs,
                  line,
                  "is not a row of the header's columns: " + e.getMessage().split("\n")[0]));
          nextRowAtLeast = line + 1;
          continue;
        }
        FaqEntry entry = entry(row, columns, shownAs, line, problems);
        if (entry != null) {
          entries.add(entry);
        }
      }
    } catch (IOException | RuntimeJsonMappingException e) {
      problems.add(
          CorpusProblem.error(
              shownAs, 1, "cannot be read as a table: " + e.getMessage().split("\n")[0]));
    }
    return Corpus.of(entries, problems);
  }

  /** Which header column plays which role, or null (with the problem said) when one is missing. */
  private static Map<String, String> columns(
      CsvSchema header, String shownAs, List<CorpusProblem> problems) {
    Map<String, String> roles = new LinkedHashMap<>();
    for (CsvSchema.Column column : header) {
      String key = column.getName().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
      NAMES.forEach(
          (role, names) -> {
            if (names.contains(key)) {
              roles.putIfAbsent(role, column.getName());
            }
          });
    }
    for (String required : List.of("question", "answer")) {
      if (!roles.containsKey(required)) {
        problems.add(
            CorpusProblem.error(
                shownAs,
                1,
                "the header row has no '"
                    + required
                    + "' column; it has: "
                    + String.join(", ", header.getColumnNames())));
        return null;
      }
    }
    return roles;
  }

  private static FaqEntry entry(
      Map<String, String> row,
      Map<String, String> columns,
      String shownAs,
      int line,
      List<CorpusProblem> problems) {
    String question = cell(row, columns, "question");
    String answerText = cell(row, columns, "answer");
    if (question.isEmpty() && answerText.isEmpty()) {
      return null;
    }
    if (question.isEmpty() || answerText.isEmpty()) {
      problems.add(
          CorpusProblem.error(
              shownAs,
              line,
              question.isEmpty()
                  ? "has an answer but no question"
                  : "has no answer to \"" + question + "\""));
      return null;
    }
    MarkdownAnswer.Result answer;
    try {
      answer = MarkdownAnswer.read(answerText);
    } catch (EntryException e) {
      problems.add(CorpusProblem.error(shownAs, line, e.getMessage()));
      return null;
    }
    if (answer.blocks().isEmpty()) {
      problems.add(CorpusProblem.error(shownAs, line, "has no answer text once read"));
      return null;
    }
    String id = cell(row, columns, "id");
    List<Source> sources = new ArrayList<>(answer.sources());
    split(cell(row, columns, "source"), MANY).forEach(s -> sources.add(SourceParser.parseLink(s)));
    return new FaqEntry(
        Slugs.id(id.isEmpty() ? question : id),
        question,
        split(cell(row, columns, "alternates"), MANY),
        split(cell(row, columns, "tags"), MANY_TAGS),
        answer.video(),
        answer.blocks(),
        List.of(),
        "",
        sources,
        shownAs + ":" + line,
        answer.videoUrl(),
        null);
  }

  private static String cell(Map<String, String> row, Map<String, String> columns, String role) {
    String column = columns.get(role);
    String value = column == null ? null : row.get(column);
    return value == null ? "" : value.strip();
  }

  private static List<String> split(String cell, Pattern separator) {
    if (cell.isEmpty()) {
      return List.of();
    }
    return List.of(separator.split(cell)).stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
