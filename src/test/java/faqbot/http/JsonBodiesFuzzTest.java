package faqbot.http;

import static faqbot.fuzz.Check.that;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faqbot.fuzz.Check;
import faqbot.fuzz.FuzzInputs;

/**
 * Fuzzes how a chat request's body is read: {@link JsonBodies#parse} (what {@code
 * JsonBodies.object(ctx)} does with the request's content type and body), then {@link
 * JsonBodies#requiredString} and {@link JsonBodies#optionalString} on the fields the chat and
 * feedback handlers read, and on a fuzzed one.
 *
 * <p>Input: {@code contentType NUL field NUL body}; an input with fewer than two NULs is all body,
 * sent as {@code application/json}, with {@code message} as the fuzzed field; an empty content type
 * stands for none. Seeds: in {@code
 * src/test/resources/faqbot/http/JsonBodiesFuzzTestInputs/parse/}.
 *
 * <p>Declared behaviour checked: {@code parse} returns an {@link ObjectNode} or throws an {@link
 * ApiException} with a 4xx status and a message; the field readers return a string (or null, for an
 * optional field that is absent or null) or throw such an {@link ApiException}; nothing else
 * escapes.
 */
class JsonBodiesFuzzTest {
  private static final String[] FIELDS = {
    "message", "context", "answerId", "question", "helpful", "comment"
  };

  @FuzzTest(maxDuration = "10m")
  void parse(byte[] input) {
    FuzzInputs.Split split = FuzzInputs.split(input, "application/json", "message");
    String contentType = split.field(0).isEmpty() ? null : split.field(0); // no Content-Type header
    String field = split.field(1);
    byte[] body = split.rest();

    JsonNode node;
    try {
      node = JsonBodies.parse(contentType, body);
    } catch (ApiException e) {
      declared(e);
      return;
    } catch (RuntimeException | StackOverflowError e) {
      throw Check.unexpected("parse threw", e);
    }
    that(node instanceof ObjectNode, "parse returned %s", node == null ? null : node.getNodeType());

    fields(node, field);
    for (String f : FIELDS) {
      fields(node, f);
    }
  }

  private static void fields(JsonNode body, String field) {
    String required = null;
    boolean requiredFailed = false;
    try {
      required = JsonBodies.requiredString(body, field);
      that(required != null, "requiredString(%s) returned null", field);
    } catch (ApiException e) {
      declared(e);
      requiredFailed = true;
    } catch (RuntimeException e) {
      throw Check.unexpected("requiredString threw", e);
    }
    try {
      String optional = JsonBodies.optionalString(body, field);
      if (!requiredFailed) {
        that(required.equals(optional), "requiredString(%s) and optionalString disagree", field);
      } else {
        that(
            optional == null, "optionalString(%s) gave a value where requiredString failed", field);
      }
    } catch (ApiException e) {
      declared(e);
      that(requiredFailed, "optionalString(%s) failed where requiredString did not", field);
    } catch (RuntimeException e) {
      throw Check.unexpected("optionalString threw", e);
    }
  }

  private static void declared(ApiException e) {
    that(e.status() >= 400 && e.status() < 500, "status %d: %s", e.status(), e.getMessage());
    that(e.getMessage() != null && !e.getMessage().isBlank(), "ApiException without a message");
  }
}
