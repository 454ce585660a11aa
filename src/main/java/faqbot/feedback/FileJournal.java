package faqbot.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only journal of JSON lines on disk, each record forced to the device before {@link
 * #append} returns.
 *
 * <p>A crash can leave at most the record being written half on disk, never acknowledged; opening
 * the journal cuts such a torn tail off so the next record starts on a line of its own, and reading
 * skips it. Each replica keeps its own file; the files merge by concatenation.
 */
public final class FileJournal implements Journal, AutoCloseable {

  /** The longest question kept; a record stays one short line. */
  static final int MAX_QUESTION_CHARS = FeedbackRecord.MAX_QUESTION_CHARS;

  private final Path file;
  private final FileChannel channel;

  private FileJournal(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** Opens (or creates) a journal file, first cutting off a torn last line left by a crash. */
  public static FileJournal open(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return open(
        file,
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
  }

  /**
   * Opens a journal on a channel already open for reading and writing (tests give one that can
   * fail).
   */
  static FileJournal open(Path file, FileChannel channel) throws IOException {
    try {
      long keep = endOfLastCompleteLine(channel);
      if (keep < channel.size()) {
        channel.truncate(keep);
        channel.force(true);
      }
      channel.position(keep);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return new FileJournal(file, channel);
  }

  private static long endOfLastCompleteLine(FileChannel channel) throws IOException {
    long size = channel.size();
    ByteBuffer one = ByteBuffer.allocate(1);
    for (long at = size - 1; at >= 0; at--) {
      one.clear();
      channel.read(one, at);
      if (one.get(0) == '\n') {
        return at + 1;
      }
    }
    return 0;
  }

  @Override
  public void append(FeedbackRecord record) throws IOException {
    write(record, true);
  }

  @Override
  public void note(FeedbackRecord record) throws IOException {
    write(record, false);
  }

  private void write(FeedbackRecord record, boolean durably) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(line(record));
    synchronized (this) {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      if (durably) {
        // Data only: the file's length is part of it, so a record that is read back after a crash
        // was complete.
        channel.force(false);
      }
    }
  }

  private static byte[] line(FeedbackRecord record) {
    return (record.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
  }

  public Path file() {
    return file;
  }

  @Override
  public String state() {
    return "file";
  }

  /** Every journal file in this one's folder: each replica's, where they share a folder. */
  @Override
  public JournalReader reader() {
    return JournalFolder.of(file.toAbsolutePath().getParent());
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }

  /**
   * What reading a journal found.
   *
   * @param records the complete records, in order
   * @param tornTail whether the file ended in a partial line (left by a crash; skipped)
   * @param badLines the line numbers of complete lines that are not records (skipped)
   */
  public record Contents(List<FeedbackRecord> records, boolean tornTail, List<Integer> badLines) {}

  /**
   * Reads every complete record of a journal file; a torn last line is skipped, never the ones
   * before it.
   */
  public static Contents read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    List<FeedbackRecord> records = new ArrayList<>();
    List<Integer> bad = new ArrayList<>();
    int start = 0;
    int lineNumber = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      lineNumber++;
      String text = new String(bytes, start, i - start, StandardCharsets.UTF_8).strip();
      start = i + 1;
      if (text.isEmpty()) {
        continue;
      }
      try {
        records.add(FeedbackRecord.fromJson(text));
      } catch (JsonProcessingException e) {
        bad.add(lineNumber);
      }
    }
    return new Contents(records, start < bytes.length, bad);
  }
}
