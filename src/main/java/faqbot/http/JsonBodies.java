package faqbot.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads JSON request bodies strictly, turning every way they can be wrong into a 4xx with a clear
 * message.
 */
final class JsonBodies {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonBodies() {}

  /** The body as a JSON object, after checking its content type. */
  static JsonNode object(Context ctx) {
    return parse(ctx.contentType(), ctx.bodyAsBytes());
  }

  /**
   * A body with this content type as a JSON object: what {@link #object(Context)} does, without the
   * request.
   *
   * @return an {@link com.fasterxml.jackson.databind.node.ObjectNode}
   * @throws ApiException with a 4xx status when the body is not one JSON object sent as JSON
   */
  static JsonNode parse(String type, byte[] bytes) {
    if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("application/json")) {
      throw new ApiException(
          415,
          "send the body as JSON with 'Content-Type: application/json' (got "
              + (type == null ? "no content type" : "'" + type + "'")
              + ")");
    }
    if (bytes.length == 0) {
      throw new ApiException(
          400,
          "the body is empty; send a JSON object like {\"message\": \"What is AI alignment?\"}");
    }
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (MismatchedInputException e) {
      // Jackson's own wording names its classes and settings; say it in the client's terms.
      throw new ApiException(
          400, "malformed JSON: the body must be exactly one JSON object, with nothing after it");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ApiException(
          400, "malformed JSON" + where + ": " + inClientsTerms(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ApiException(400, "the body cannot be read: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new ApiException(
          400, "the body must be a JSON object like {\"message\": \"What is AI alignment?\"}");
    }
    return node;
  }

  /** A string field that must be present; emptiness is for the caller to judge. */
  static String requiredString(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      throw new ApiException(400, "\"" + field + "\" is missing");
    }
    if (!value.isTextual()) {
      throw new ApiException(
          400,
          "\""
              + field
              + "\" must be a string, got "
              + value.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return value.asText();
  }

  /** A string field that may be absent or null (then null). */
  static String optionalString(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new ApiException(
          400,
          "\""
              + field
              + "\" must be a string, got "
              + value.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return value.asText();
  }

  /**
   * A required array of {@code min} to {@code max} non-blank strings, each at most {@code maxChars}
   * characters long.
   */
  static List<String> requiredStrings(JsonNode body, String field, int min, int max, int maxChars) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      throw new ApiException(400, "\"" + field + "\" is missing; send an array of strings");
    }
    if (!value.isArray()) {
      throw new ApiException(
          400,
          "\""
              + field
              + "\" must be an array of strings, got "
              + value.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    if (value.size() < min || value.size() > max) {
      throw new ApiException(
          400,
          "\""
              + field
              + "\" holds "
              + value.size()
              + " strings; it may hold "
              + min
              + " to "
              + max);
    }
    List<String> strings = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual() || item.asText().isBlank()) {
        throw new ApiException(
            400,
            "\""
                + field
                + "\" must hold non-empty strings only, got "
                + (item.isTextual()
                    ? "an empty one"
                    : item.getNodeType().name().toLowerCase(Locale.ROOT)));
      }
      if (item.asText().length() > maxChars) {
        throw new ApiException(
            400,
            "\""
                + field
                + "\" holds a string of "
                + item.asText().length()
                + " characters; each may be at most "
                + maxChars);
      }
      strings.add(item.asText());
    }
    return strings;
  }

  /** At most this many tags narrow a question, each at most {@link #MAX_TAG_CHARS} characters. */
  static final int MAX_TAGS = 20;

  static final int MAX_TAG_CHARS = 100;

  /**
   * The {@code tags} a question is narrowed to: absent or null means none; otherwise an array of at
   * most {@value #MAX_TAGS} non-empty strings.
   */
  static List<String> optionalTags(JsonNode body) {
    JsonNode value = body.get("tags");
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new ApiException(
          400,
          "\"tags\" must be an array of strings, got "
              + value.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    List<String> tags = new ArrayList<>();
    for (JsonNode tag : value) {
      if (!tag.isTextual()) {
        throw new ApiException(
            400,
            "\"tags\" must hold strings only, got "
                + tag.getNodeType().name().toLowerCase(Locale.ROOT));
      }
      tags.add(tag.asText());
    }
    return checkedTags(tags);
  }

  /** Tags given by a client, checked against the limits; blank ones are dropped. */
  static List<String> checkedTags(List<String> given) {
    List<String> tags = given.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
    if (tags.size() > MAX_TAGS) {
      throw new ApiException(400, "at most " + MAX_TAGS + " tags may be given, got " + tags.size());
    }
    for (String tag : tags) {
      if (tag.length() > MAX_TAG_CHARS) {
        throw new ApiException(
            400,
            "a tag may be at most " + MAX_TAG_CHARS + " characters, got one of " + tag.length());
      }
    }
    return tags;
  }

  /**
   * Where the parser's message points back into the input, in its own notation (which names its
   * settings).
   */
  private static final Pattern SOURCE =
      Pattern.compile(
          "start marker at \\[Source: [^;\\]]*(?:\\][^;]*)?; line: (\\d+), column: (\\d+)\\]");

  private static final Pattern ANY_SOURCE = Pattern.compile("\\s*\\(?\\[Source: .*$");

  /** The first line of the parser's message, with its references into the input said plainly. */
  private static String inClientsTerms(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    line = SOURCE.matcher(line).replaceAll("opened at line $1, column $2");
    return ANY_SOURCE.matcher(line).replaceAll("");
  }
}
