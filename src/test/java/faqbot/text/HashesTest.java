package faqbot.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashesTest {
  @Test
  void writesTheSha256OfATextAsLowerCaseHex() {
    assertThat(Hashes.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void separatesPartsWithAZeroByteSoTheirBoundaryCounts() {
    assertThat(Hashes.sha256Hex("ab", "c")).isNotEqualTo(Hashes.sha256Hex("a", "bc"));
    var digest = Hashes.sha256();
    digest.update("model\0text".getBytes(StandardCharsets.UTF_8));
    assertThat(Hashes.sha256Hex("model", "text")).isEqualTo(Hashes.hex(digest));
  }
}
