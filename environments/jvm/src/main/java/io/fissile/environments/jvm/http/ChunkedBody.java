package io.fissile.environments.jvm.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A request body in the chunked transfer coding; trailer fields are read and dropped. */
final class ChunkedBody extends InputStream {

    private static final int MAX_LINE = 4096;

    private final InputBuffer in;
    private long chunkRemaining;
    private boolean started;
    private boolean finished;

    ChunkedBody(InputBuffer in) {
        this.in = in;
    }

    boolean isFinished() {
        return finished;
    }

    @Override
    public int read() throws IOException {
        if (!hasData()) {
            return -1;
        }
        int b = in.read();
        if (b < 0) {
            throw new EOFException("connection closed within a chunk");
        }
        chunkRemaining--;
        return b;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!hasData()) {
            return -1;
        }
        int count = in.read(target, offset, (int) Math.min(length, chunkRemaining));
        if (count < 0) {
            throw new EOFException("connection closed within a chunk");
        }
        chunkRemaining -= count;
        return count;
    }

    /** Moves to the next chunk when the current one is used up; false at the end of the body. */
    private boolean hasData() throws IOException {
        if (finished) {
            return false;
        }
        if (chunkRemaining > 0) {
            return true;
        }
        if (started) {
            expectEmptyLine("chunk data not followed by CRLF");
        }
        started = true;
        chunkRemaining = parseSize(readLine());
        if (chunkRemaining == 0) {
            skipTrailers();
            finished = true;
            return false;
        }
        return true;
    }

    private static long parseSize(String line) throws HttpException {
        int end = line.indexOf(';');
        String digits = (end < 0 ? line : line.substring(0, end)).strip();
        if (digits.isEmpty() || digits.length() > 15) {
            throw new HttpException(400, "malformed chunk size");
        }
        long size = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), 16);
            if (digit < 0 || digits.charAt(i) > 'f') {
                throw new HttpException(400, "malformed chunk size");
            }
            size = size * 16 + digit;
        }
        return size;
    }

    private void skipTrailers() throws IOException {
        int budget = RequestHeadParser.MAX_HEAD_BYTES;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            budget -= line.length() + 2;
            if (budget < 0) {
                throw new HttpException(431, "trailer fields too large");
            }
        }
    }

    private void expectEmptyLine(String problem) throws IOException {
        if (!readLine().isEmpty()) {
            throw new HttpException(400, problem);
        }
    }

    private String readLine() throws IOException {
        String line = in.readLine(MAX_LINE);
        if (line == null) {
            throw new EOFException("connection closed within a chunked body");
        }
        return line;
    }
}
