package io.fissile.environments.binary.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Passes the process's stderr on to the runtime's stderr a line at a time, and keeps the last
 * lines for the error response when the process fails.
 */
final class StderrRelay implements Runnable {

    private static final int MAX_LINE = 8 * 1024;
    private static final int TAIL_BYTES = 4 * 1024;

    private final InputStream stderr;
    private final PrintStream console;
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private int tailBytes;

    StderrRelay(InputStream stderr, PrintStream console) {
        this.stderr = stderr;
        this.console = console;
    }

    @Override
    public void run() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (stderr) {
            int read;
            while ((read = stderr.read(buffer)) >= 0) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        emit(line);
                    } else {
                        line.write(buffer[i]);
                        if (line.size() == MAX_LINE) {
                            emit(line);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // The process is gone; what it wrote so far is all there is.
        }
        if (line.size() > 0) {
            emit(line);
        }
    }

    /** The last lines written, up to about 4 KiB; call after {@link #run} has ended. */
    synchronized String tail() {
        return String.join("\n", tail);
    }

    private synchronized void emit(ByteArrayOutputStream bytes) {
        String line = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        console.println(line);
        tail.addLast(line);
        tailBytes += line.length() + 1;
        while (tailBytes > TAIL_BYTES && tail.size() > 1) {
            tailBytes -= tail.removeFirst().length() + 1;
        }
    }
}
