package io.fissile.runtime.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits a process's output into lines as it arrives. A line longer than {@link #MAX_LINE_BYTES} is
 * cut there, marked, and the rest of it skipped, so memory stays bounded whatever the process
 * writes, and reading never stops (a process blocked on a full pipe would hang).
 */
final class LineSplitter {

    static final int MAX_LINE_BYTES = 16 * 1024;
    static final String CUT_MARK = " [line cut at 16 KiB]";

    private final Consumer<String> lines;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private boolean skippingRestOfLine;

    LineSplitter(Consumer<String> lines) {
        this.lines = lines;
    }

    /** Reads until the end of the stream; the last line need not end with a line break. */
    void readAll(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        int count;
        while ((count = in.read(buffer)) >= 0) accept(buffer, count);
        if (line.size() > 0) emit("");
    }

    private void accept(byte[] buffer, int count) {
        int start = 0;
        for (int i = 0; i < count; i++) {
            if (buffer[i] != '\n') continue;
            append(buffer, start, i - start);
            if (skippingRestOfLine) skippingRestOfLine = false;
            else emit("");
            start = i + 1;
        }
        append(buffer, start, count - start);
    }

    private void append(byte[] buffer, int offset, int length) {
        if (skippingRestOfLine || length == 0) return;
        int room = MAX_LINE_BYTES - line.size();
        if (length <= room) {
            line.write(buffer, offset, length);
            return;
        }
        line.write(buffer, offset, room);
        emit(CUT_MARK);
        skippingRestOfLine = true;
    }

    private void emit(String suffix) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) text = text.substring(0, text.length() - 1);
        lines.accept(text + suffix);
    }
}
