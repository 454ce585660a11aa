package faqbot.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a corpus from a {@code .jsonl} file of {@code {"doc_id", "question", "answer"}} objects,
 * with optional {@code alternates}, {@code related}, {@code sources} and {@code tags} lists, as the
 * public FAQ benchmarks ship. Several entries may share a question (one per answer of a thread).
 */
public final class JsonlCorpusReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonlCorpusReader() {}

  public static Corpus read(Path file) {
    List<String> lines;
    try {
      lines = TextFiles.read(file).lines().toList();
    } catch (EntryException e) {
      throw new CorpusException("corpus file " + file + " " + e.getMessage());
    }
    List<FaqEntry> entries = new ArrayList<>();
    List<CorpusProblem> problems = new ArrayList<>();
    String shownAs = file.toString();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        String id = JsonFields.text(node, "doc_id");
        String question = JsonFields.text(node, "question");
        String answer = JsonFields.text(node, "answer");
        if (id == null || question == null || answer == null) {
          problems.add(
              CorpusProblem.error(
                  shownAs, i + 1, "needs the string fields doc_id, question and answer"));
          continue;
        }
        int lineNumber = i + 1;
        List<RelatedQuestion> related =
            JsonFields.strings(node, "related").stream()
                .map(q -> new RelatedQuestion(q, lineNumber))
                .toList();
        List<Source> sources =
            JsonFields.strings(node, "sources").stream().map(SourceParser::parse).toList();
        List<Block> blocks = CorpusParser.FileParse.blocks(Arrays.asList(answer.split("\n")));
        entries.add(
            new FaqEntry(
                id,
                question.strip(),
                JsonFields.strings(node, "alternates"),
                JsonFields.strings(node, "tags"),
                null,
                blocks,
                related,
                "",
                sources,
                shownAs + ":" + lineNumber));
      } catch (JsonProcessingException e) {
        problems.add(
            CorpusProblem.error(shownAs, i + 1, "is not a JSON object: " + e.getOriginalMessage()));
      }
    }
    // FAQ datasets keep each answer to a question as its own entry, so questions may repeat.
    return Corpus.of(entries, problems, true);
  }
}
