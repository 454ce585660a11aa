package faqbot.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads evaluation queries (TSV with a header) and relevance judgments (TREC qrels). */
public final class EvalFiles {
  private EvalFiles() {}

  /**
   * The queries of a TSV file: a header line, then rows whose first column is the id and last the
   * text.
   */
  public static List<Query> queries(Path file) {
    return queries(file, Map.of());
  }

  /**
   * The queries of a TSV file whose named columns hold the given values (as the header names them:
   * {@code split} = {@code test} keeps the rows whose {@code split} column is {@code test}).
   */
  public static List<Query> queries(Path file, Map<String, String> where) {
    List<String> lines = lines(file);
    if (lines.isEmpty()) {
      throw new EvalFileException(
          file, 0, "is empty; expected a header line, then one query per line");
    }
    List<String> header = List.of(lines.get(0).split("\t", -1));
    Map<Integer, String> wanted = new HashMap<>();
    where.forEach(
        (column, value) -> {
          int at = header.indexOf(column);
          if (at < 0) {
            throw new EvalFileException(
                file,
                1,
                "has no column '" + column + "' (its columns: " + String.join(", ", header) + ")");
          }
          wanted.put(at, value);
        });
    List<Query> queries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] columns = line.split("\t", -1);
      if (columns.length < 2) {
        throw new EvalFileException(
            file, i + 1, "expected tab-separated columns (id … text), found one column");
      }
      boolean keep = true;
      for (Map.Entry<Integer, String> w : wanted.entrySet()) {
        keep &= w.getKey() < columns.length && columns[w.getKey()].strip().equals(w.getValue());
      }
      String id = columns[0].strip();
      String text = columns[columns.length - 1].strip();
      if (id.isEmpty()) {
        throw new EvalFileException(file, i + 1, "the query id (first column) is empty");
      }
      if (text.isEmpty()) {
        throw new EvalFileException(file, i + 1, "the query text (last column) is empty");
      }
      if (!seen.add(id)) {
        throw new EvalFileException(file, i + 1, "query id '" + id + "' appears twice");
      }
      if (keep) {
        queries.add(new Query(id, text));
      }
    }
    if (queries.isEmpty()) {
      throw new EvalFileException(
          file,
          0,
          where.isEmpty()
              ? "has no queries after its header line"
              : "has no queries where " + where);
    }
    return queries;
  }

  /**
   * Groups of entries that answer the same question: a TSV file of {@code entry-id<TAB>group} lines
   * (a header line first), entries in one group sharing its name. Entries not listed stand alone.
   */
  public static Map<String, String> equivalents(Path file) {
    List<String> lines = lines(file);
    Map<String, String> groups = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t", -1);
      if (columns.length < 2 || columns[0].isBlank() || columns[1].isBlank()) {
        throw new EvalFileException(file, i + 1, "expected 'entry-id<TAB>group'");
      }
      if (groups.put(columns[0].strip(), columns[1].strip()) != null) {
        throw new EvalFileException(
            file, i + 1, "entry '" + columns[0].strip() + "' is listed twice");
      }
    }
    return groups;
  }

  /** Relevance judgments: query id → (document id → grade), keeping only grades above zero. */
  public static Map<String, Map<String, Integer>> qrels(Path file) {
    List<String> lines = lines(file);
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 4) {
        throw new EvalFileException(
            file,
            i + 1,
            "expected 'query-id 0 doc-id relevance', found " + parts.length + " fields");
      }
      int grade;
      try {
        grade = Integer.parseInt(parts[3]);
      } catch (NumberFormatException e) {
        throw new EvalFileException(
            file, i + 1, "relevance must be a whole number, got '" + parts[3] + "'");
      }
      if (grade > 0) {
        qrels.computeIfAbsent(parts[0], q -> new HashMap<>()).put(parts[2], grade);
      }
    }
    return qrels;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EvalFileException(file, 0, "cannot be read: " + e.getMessage());
    }
  }
}
