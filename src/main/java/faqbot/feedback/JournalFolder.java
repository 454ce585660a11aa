package faqbot.feedback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads every journal file in a folder (one per replica) into a {@link Ledger} as the files grow:
 * each complete record once, a torn last line only once it is complete.
 */
public final class JournalFolder implements JournalReader {
  private static final int CHUNK = 4 << 20;

  /** A line that is not a record, by file and line number. */
  public record BadLine(Path file, int line) {}

  /** How far one file was read: bytes up to the end of the last complete line, and lines. */
  private record Position(long bytes, int lines) {}

  private final List<Path> roots;
  private final Map<Path, Position> read = new HashMap<>();
  private final List<BadLine> badLines = new ArrayList<>();
  private Ledger ledger = new Ledger();

  private JournalFolder(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  /** The journals in a folder (its {@code .jsonl} files), or one journal file. */
  public static JournalFolder of(Path folderOrFile) {
    return new JournalFolder(List.of(folderOrFile));
  }

  /** The journals in several folders or files, read as one. */
  public static JournalFolder of(List<Path> foldersOrFiles) {
    return new JournalFolder(foldersOrFiles);
  }

  /**
   * Reads what was added to the journals since the last call and returns the sums. A file that
   * shrank (replaced, or cut) makes everything be read again.
   */
  @Override
  public synchronized Ledger refresh() throws IOException {
    List<Path> files = files();
    for (Path file : files) {
      Position at = read.get(file);
      if (at != null && Files.size(file) < at.bytes()) {
        read.clear();
        badLines.clear();
        ledger = new Ledger();
        break;
      }
    }
    for (Path file : files) {
      read.put(file, readFrom(file, read.getOrDefault(file, new Position(0, 0))));
    }
    return ledger;
  }

  /** The lines read so far that were not records. */
  public synchronized List<BadLine> badLines() {
    return List.copyOf(badLines);
  }

  /** The files that end in a partial line now (left by a crash, or being written). */
  public synchronized List<Path> tornTails() throws IOException {
    List<Path> torn = new ArrayList<>();
    for (Map.Entry<Path, Position> e : read.entrySet()) {
      if (Files.size(e.getKey()) > e.getValue().bytes()) {
        torn.add(e.getKey());
      }
    }
    return torn;
  }

  private List<Path> files() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> list = Files.list(root)) {
          list.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
              .filter(Files::isRegularFile)
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(root)) {
        files.add(root);
      }
    }
    return files;
  }

  private Position readFrom(Path file, Position from) throws IOException {
    long bytes = from.bytes();
    int lines = from.lines();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(1, size - bytes)));
      while (bytes < size) {
        buffer.clear();
        int n = channel.read(buffer, bytes);
        if (n <= 0) {
          break;
        }
        byte[] chunk = buffer.array();
        int start = 0;
        for (int i = 0; i < n; i++) {
          if (chunk[i] != '\n') {
            continue;
          }
          lines++;
          parse(file, lines, chunk, start, i - start);
          start = i + 1;
        }
        if (start == 0) {
          if (n == buffer.capacity()) {
            // One line longer than the buffer: read it again with a bigger one.
            buffer = ByteBuffer.allocate(buffer.capacity() * 2);
            continue;
          }
          break; // only a torn tail is left
        }
        bytes += start;
      }
    }
    return new Position(bytes, lines);
  }

  private void parse(Path file, int line, byte[] bytes, int offset, int length) {
    int end = offset + length;
    while (end > offset && (bytes[end - 1] == '\r' || bytes[end - 1] == ' ')) {
      end--;
    }
    if (end == offset) {
      return;
    }
    try {
      FeedbackRecord record = FeedbackRecord.fromJson(bytes, offset, end - offset);
      if (record != null) {
        ledger.add(record);
        return;
      }
    } catch (IOException e) {
      // reported below
    }
    badLines.add(new BadLine(file, line));
  }
}
