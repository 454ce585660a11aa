package faqbot.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodiesTest {
  private static ApiException refusal(String body) {
    return catchThrowableOfType(
        ApiException.class,
        () -> JsonBodies.parse("application/json", body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anUnfinishedObjectIsNamedWithWhereItOpened() {
    ApiException e = refusal("{\"message\": \"hi\"");
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.getMessage())
        .isEqualTo(
            "malformed JSON at line 1, column 17: Unexpected end-of-input: expected "
                + "close marker for Object (opened at line 1, column 1)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"message\": \"hi\"",
        "{\"message\": [1, 2",
        "{\"message\": \"hi\" \"more\": 1}",
        "{\"message\": tru}",
        "{'message': 'hi'}",
        "{\"message\": \"a\u0001b\"}",
        "\n\n  {\"a\": {\"b\": "
      })
  void saysWhatIsWrongInTheClientsTermsWithoutTheParsersInternals(String body) {
    ApiException e = refusal(body);
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.getMessage())
        .startsWith("malformed JSON at line ")
        .doesNotContain("Source")
        .doesNotContain("REDACTED")
        .doesNotContain("StreamReadFeature")
        .doesNotContain("com.fasterxml")
        .doesNotContain("\n");
  }
}
