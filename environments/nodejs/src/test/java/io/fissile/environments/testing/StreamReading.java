package io.fissile.environments.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reading a streamed response as it arrives. */
public final class StreamReading {
    private StreamReading() {}

    /** Reads until what was read ends with {@code end} (or the stream ends); returns what was read. */
    public static String readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        while (!read.toString(StandardCharsets.UTF_8).endsWith(end)) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            read.write(next);
        }
        return read.toString(StandardCharsets.UTF_8);
    }
}
