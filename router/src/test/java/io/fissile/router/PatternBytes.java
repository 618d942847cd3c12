package io.fissile.router;

import java.io.IOException;
import java.io.InputStream;

/**
 * The byte pattern plain-instance.js generates and checks: byte {@code i} is
 * {@code ((i % 65521) * 31 >>> 3) & 0xff}. The period is a prime, so a lost, repeated or reordered
 * piece of a body shows whatever the buffer sizes on the way.
 */
final class PatternBytes {
    private static final int PERIOD = 65_521;
    private static final byte[] ONE_PERIOD = new byte[PERIOD];

    static {
        for (int i = 0; i < PERIOD; i++) ONE_PERIOD[i] = (byte) ((i * 31) >>> 3);
    }

    private PatternBytes() {
    }

    /** The first {@code size} bytes of the pattern, made as they are read. */
    static InputStream stream(long size) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < size ? ONE_PERIOD[(int) (position++ % PERIOD)] & 0xFF : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= size) return -1;
                int count = (int) Math.min(length, size - position);
                for (int done = 0; done < count; ) {
                    int from = (int) ((position + done) % PERIOD);
                    int piece = Math.min(count - done, PERIOD - from);
                    System.arraycopy(ONE_PERIOD, from, buffer, offset + done, piece);
                    done += piece;
                }
                position += count;
                return count;
            }
        };
    }

    /**
     * Reads {@code body} to its end and says how many bytes it held.
     *
     * @throws IllegalStateException at the first byte that is not the pattern's
     */
    static long readChecking(InputStream body) throws IOException {
        byte[] buffer = new byte[256 * 1024];
        long position = 0;
        int inPeriod = 0;
        for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
            for (int i = 0; i < read; i++) {
                if (buffer[i] != ONE_PERIOD[inPeriod]) throw new IllegalStateException("byte " + (position + i) + " is not the pattern's");
                if (++inPeriod == PERIOD) inPeriod = 0;
            }
            position += read;
        }
        return position;
    }
}
