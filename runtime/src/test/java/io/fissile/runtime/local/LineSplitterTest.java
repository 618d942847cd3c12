package io.fissile.runtime.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineSplitterTest {

    @Test
    void splitsOutputIntoLinesWhateverTheChunksAndLineEnds() throws IOException {
        assertThat(split("one\ntwo\r\n\nthree")).containsExactly("one", "two", "", "three");
    }

    @Test
    void cutsALongLineAtSixteenKibibytesAndSkipsItsRest() throws IOException {
        String longLine = "z".repeat(100_000);

        List<String> lines = split(longLine + "\nafter\n");

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("z".repeat(LineSplitter.MAX_LINE_BYTES) + LineSplitter.CUT_MARK);
        assertThat(lines.get(1)).isEqualTo("after");
    }

    private static List<String> split(String output) throws IOException {
        List<String> lines = new ArrayList<>();
        // Small reads, so that lines and cuts span several of them.
        var in = new ByteArrayInputStream(output.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, 7));
            }
        };
        new LineSplitter(lines::add).readAll(in);
        return lines;
    }
}
