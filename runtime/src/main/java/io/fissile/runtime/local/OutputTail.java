package io.fissile.runtime.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The last bytes a command wrote to stdout and stderr together, in the order they arrived: a build
 * log is most useful at its end (the error), and a chatty build must not fill the server's memory.
 */
final class OutputTail {

    private final byte[] ring;
    private long written;

    OutputTail(int capacity) {
        this.ring = new byte[capacity];
    }

    /** Copies a stream into the tail until its end; reading never stops, so the writer never blocks. */
    void readAll(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) append(buffer, n);
    }

    synchronized void append(byte[] bytes, int count) {
        int from = Math.max(0, count - ring.length);
        for (int i = from; i < count; i++) ring[(int) ((written + i) % ring.length)] = bytes[i];
        written += count;
    }

    /** How many bytes were dropped from the start. */
    synchronized long cutBytes() {
        return Math.max(0, written - ring.length);
    }

    synchronized String text() {
        int kept = (int) Math.min(written, ring.length);
        byte[] bytes = new byte[kept];
        int start = (int) ((written - kept) % ring.length);
        for (int i = 0; i < kept; i++) bytes[i] = ring[(start + i) % ring.length];
        return new String(dropBrokenStart(bytes), StandardCharsets.UTF_8);
    }

    /** Its last lines, for telling why the command ended. */
    List<String> lastLines() {
        return Arrays.asList(text().split("\n"));
    }

    /** A cut may fall inside a UTF-8 character: skip its continuation bytes rather than show garbage. */
    private byte[] dropBrokenStart(byte[] bytes) {
        if (cutBytes() == 0) return bytes;
        int skip = 0;
        while (skip < bytes.length && skip < 3 && (bytes[skip] & 0xC0) == 0x80) skip++;
        return Arrays.copyOfRange(bytes, skip, bytes.length);
    }
}
