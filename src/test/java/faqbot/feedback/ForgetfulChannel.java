package faqbot.feedback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;

/**
 * A file channel over memory that, like a disk after a power cut, keeps only what was forced to it:
 * writes go to a cache that {@link #force} copies to the "device", and {@link #afterPowerCut}
 * returns the device's bytes alone.
 */
final class ForgetfulChannel extends FileChannel {
  private byte[] cache;
  private byte[] device;
  private long position;

  ForgetfulChannel(byte[] onDevice) {
    this.device = onDevice.clone();
    this.cache = onDevice.clone();
  }

  /** What a reopened file would hold after the power came back. */
  byte[] afterPowerCut() {
    return device.clone();
  }

  @Override
  public int write(ByteBuffer src) {
    int n = write(src, position);
    position += n;
    return n;
  }

  @Override
  public int write(ByteBuffer src, long at) {
    int n = src.remaining();
    if (at + n > cache.length) {
      cache = Arrays.copyOf(cache, (int) (at + n));
    }
    src.get(cache, (int) at, n);
    return n;
  }

  @Override
  public int read(ByteBuffer dst, long at) {
    if (at >= cache.length) {
      return -1;
    }
    int n = (int) Math.min(dst.remaining(), cache.length - at);
    dst.put(cache, (int) at, n);
    return n;
  }

  @Override
  public int read(ByteBuffer dst) {
    int n = read(dst, position);
    if (n > 0) {
      position += n;
    }
    return n;
  }

  @Override
  public void force(boolean metaData) {
    device = cache.clone();
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public FileChannel position(long newPosition) {
    position = newPosition;
    return this;
  }

  @Override
  public long size() {
    return cache.length;
  }

  @Override
  public FileChannel truncate(long size) {
    if (size < cache.length) {
      cache = Arrays.copyOf(cache, (int) size);
    }
    position = Math.min(position, size);
    return this;
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int length) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long transferTo(long at, long count, WritableByteChannel target) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long at, long count) {
    throw new UnsupportedOperationException();
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long at, long size) {
    throw new UnsupportedOperationException();
  }

  @Override
  public FileLock lock(long at, long size, boolean shared) {
    throw new UnsupportedOperationException();
  }

  @Override
  public FileLock tryLock(long at, long size, boolean shared) {
    throw new UnsupportedOperationException();
  }

  @Override
  protected void implCloseChannel() throws IOException {
    // Nothing to free: memory.
  }
}
