package faqbot.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a corpus file as UTF-8 text, refusing other encodings and dropping a byte-order mark. */
final class TextFiles {
  private TextFiles() {}

  /**
   * The file's text.
   *
   * @throws EntryException naming the line of the first byte that is not UTF-8
   * @throws CorpusException when the file cannot be read at all
   */
  static String read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CorpusException("cannot read corpus file " + file + ": " + e.getMessage());
    }
    return decode(bytes);
  }

  static String decode(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int bad = in.position();
      int line = 1;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new EntryException(
          line, "is not UTF-8 text (byte " + (bad + 1) + "); save it as UTF-8");
    }
    try {
      decoder.flush(out);
    } catch (IllegalStateException e) {
      throw new EntryException(0, "is not UTF-8 text");
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
