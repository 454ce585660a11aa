package faqbot.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LimitsTest {
  @Test
  void behindAProxyTheClientIsTheAddressTheProxyAppended() {
    assertThat(Limits.clientBehindProxy("203.0.113.7", "10.0.0.2")).isEqualTo("203.0.113.7");
    // Whatever the client wrote first is its own claim; the proxy's entry is the last one.
    assertThat(Limits.clientBehindProxy("1.2.3.4, 203.0.113.7", "10.0.0.2"))
        .isEqualTo("203.0.113.7");
    assertThat(Limits.clientBehindProxy("made-up,  2001:db8::1 ", "10.0.0.2"))
        .isEqualTo("2001:db8::1");
  }

  @Test
  void withoutAUsableForwardedAddressTheClientIsThePeer() {
    assertThat(Limits.clientBehindProxy(null, "10.0.0.2")).isEqualTo("10.0.0.2");
    assertThat(Limits.clientBehindProxy("", "10.0.0.2")).isEqualTo("10.0.0.2");
    assertThat(Limits.clientBehindProxy("1.2.3.4, ", "10.0.0.2")).isEqualTo("10.0.0.2");
    assertThat(Limits.clientBehindProxy("x".repeat(Limits.MAX_ADDRESS_CHARS + 1), "10.0.0.2"))
        .isEqualTo("10.0.0.2");
    assertThat(Limits.clientBehindProxy("x".repeat(Limits.MAX_ADDRESS_CHARS), "10.0.0.2"))
        .isEqualTo("x".repeat(Limits.MAX_ADDRESS_CHARS));
  }

  @Test
  void refusesANegativeRateNamingIt() {
    assertThatThrownBy(() -> new Limits(-1, 1, 1, 0, 0, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the rate limit must be 0 (off) or more, got -1.0");
  }
}
