package faqbot.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the text fields of one JSON row of a corpus file, blank values counting as absent. */
final class JsonFields {
  private JsonFields() {}

  /** A string field's value, or null when it is absent, not a string, or blank. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }

  /** The non-blank strings of an array field, stripped; empty when it is absent or not an array. */
  static List<String> strings(JsonNode node, String field) {
    JsonNode value = node.get(field);
    List<String> out = new ArrayList<>();
    if (value != null && value.isArray()) {
      value.forEach(
          v -> {
            if (v.isTextual() && !v.asText().isBlank()) {
              out.add(v.asText().strip());
            }
          });
    }
    return out;
  }
}
