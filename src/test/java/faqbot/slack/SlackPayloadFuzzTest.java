package faqbot.slack;

import static faqbot.fuzz.Check.that;

import com.code_intelligence.jazzer.junit.FuzzTest;
import faqbot.fuzz.Check;
import java.util.Map;

/**
 * Fuzzes what the Slack face reads out of a (verified) request body: {@link FormBody#parse} on the
 * raw bytes, then, on every field value (the slash command's {@code text}, a button click's {@code
 * payload} and the rest), {@link Mrkdwn#fromSlack} (what a user typed) and {@link
 * SlackMessages.ButtonValue#decode} (what a button carries).
 *
 * <p>Seeds, in {@code src/test/resources/faqbot/slack/SlackPayloadFuzzTestInputs/parse/}: slash
 * command and interaction bodies as Slack sends them, and malformed ones.
 *
 * <p>Declared behaviour checked: none of these throw ({@code FormBody} keeps malformed escapes as
 * written); the form has no null names or values; text read from Slack has nothing to strip at
 * either end; a button value decodes to an id without line breaks (or none) and a question, and an
 * id and question encode to a value that decodes to the same id and question when they fit the
 * limit.
 */
class SlackPayloadFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void parse(byte[] body) {
    Map<String, String> form;
    try {
      form = FormBody.parse(body);
    } catch (RuntimeException e) {
      throw Check.unexpected("FormBody.parse threw", e);
    }
    that(form != null, "no form");
    for (Map.Entry<String, String> field : form.entrySet()) {
      that(field.getKey() != null && field.getValue() != null, "null in the form: %s", form);
      value(field.getKey());
      value(field.getValue());
    }
    value(null);
  }

  private static void value(String value) {
    try {
      String text = Mrkdwn.fromSlack(value);
      that(text != null && text.equals(text.strip()), "fromSlack gave '%s'", text);

      SlackMessages.ButtonValue button = SlackMessages.ButtonValue.decode(value);
      that(button != null && button.question() != null, "decode gave %s", button);
      that(
          button.id() == null || !button.id().isEmpty() && button.id().indexOf('\n') < 0,
          "decoded id '%s'",
          button.id());

      if (value != null && value.indexOf('\n') < 0) {
        SlackMessages.ButtonValue made =
            new SlackMessages.ButtonValue(value.isEmpty() ? null : value, value);
        String encoded = made.encode();
        boolean fits =
            encoded.equals((made.id() == null ? "" : made.id()) + "\n" + made.question());
        if (fits) {
          SlackMessages.ButtonValue back = SlackMessages.ButtonValue.decode(encoded);
          that(made.equals(back), "button value %s came back as %s", made, back);
        }
      }
    } catch (RuntimeException e) {
      throw Check.unexpected("reading the value threw", e);
    }
  }
}
