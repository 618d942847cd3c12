package io.fissile.environments.binary.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies the request body to the process's stdin as it arrives, then closes stdin. When the
 * process stops reading, the rest of the body is still read and dropped, so that the connection
 * stays usable for the next request.
 */
final class StdinFeeder implements Runnable {

    private final InputStream body;
    private final OutputStream stdin;
    private volatile IOException bodyFailure;

    StdinFeeder(InputStream body, OutputStream stdin) {
        this.body = body;
        this.stdin = stdin;
    }

    /** The failure to read the request body (the client went away), or {@code null}. */
    IOException bodyFailure() {
        return bodyFailure;
    }

    @Override
    public void run() {
        boolean stdinOpen = true;
        byte[] buffer = new byte[64 * 1024];
        try {
            int read;
            while ((read = body.read(buffer, 0, buffer.length)) >= 0) {
                if (stdinOpen) {
                    stdinOpen = write(buffer, read);
                }
            }
        } catch (IOException e) {
            bodyFailure = e;
        } finally {
            closeStdin();
        }
    }

    private boolean write(byte[] buffer, int length) {
        try {
            stdin.write(buffer, 0, length);
            return true;
        } catch (IOException processStoppedReading) {
            return false;
        }
    }

    private void closeStdin() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // The process has exited or closed its stdin: it needs no end-of-file.
        }
    }
}
