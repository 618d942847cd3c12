package io.fissile.environments.jvm.http;

import java.util.Arrays;

/** A reusable byte buffer for composing a response head (and a small body) into one write. */
final class HeadBuffer {

    private byte[] bytes = new byte[1024];
    private int size;

    void reset() {
        size = 0;
    }

    byte[] bytes() {
        return bytes;
    }

    int size() {
        return size;
    }

    /** Appends text as ISO-8859-1, the header encoding of HTTP/1.1; other characters become '?'. */
    HeadBuffer text(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes[size++] = (byte) (c <= 0xff ? c : '?');
        }
        return this;
    }

    HeadBuffer number(long value) {
        return text(Long.toString(value));
    }

    HeadBuffer crlf() {
        ensure(2);
        bytes[size++] = '\r';
        bytes[size++] = '\n';
        return this;
    }

    HeadBuffer field(String name, String value) {
        return text(name).text(": ").text(value).crlf();
    }

    HeadBuffer bytes(byte[] data) {
        ensure(data.length);
        System.arraycopy(data, 0, bytes, size, data.length);
        size += data.length;
        return this;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
