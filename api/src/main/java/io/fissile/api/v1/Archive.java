package io.fissile.api.v1;

import io.fissile.api.Extensible;

/** Code: inline bytes ({@code literal}, at most 256 KiB) or a {@code url} with an optional checksum. */
public final class Archive extends Extensible {
    private String type;
    private byte[] literal;
    private String url;
    private Checksum checksum;

    /** {@code literal} or {@code url}. */
    public String type() { return type; }
    public Archive type(String type) { this.type = type; return this; }

    /** The archive itself (base64 in JSON and YAML). */
    public byte[] literal() { return literal; }
    public Archive literal(byte[] literal) { this.literal = literal; return this; }

    public String url() { return url; }
    public Archive url(String url) { this.url = url; return this; }

    public Checksum checksum() { return checksum; }
    public Archive checksum(Checksum checksum) { this.checksum = checksum; return this; }

    public static final String LITERAL = "literal";
    public static final String URL = "url";
    /** Fission's limit on a literal archive. */
    public static final int LITERAL_SIZE_LIMIT = 256 * 1024;

    public static Archive ofLiteral(byte[] bytes) { return new Archive().type(LITERAL).literal(bytes); }

    public static Archive ofUrl(String url, Checksum checksum) { return new Archive().type(URL).url(url).checksum(checksum); }

    /** True when the archive holds no code at all. */
    public boolean isEmpty() {
        return (literal == null || literal.length == 0) && (url == null || url.isEmpty());
    }
}
