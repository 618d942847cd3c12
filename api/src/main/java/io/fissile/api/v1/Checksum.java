package io.fissile.api.v1;

import io.fissile.api.Extensible;

/** The checksum of an archive; Fission knows only {@code sha256}. */
public final class Checksum extends Extensible {
    private String type;
    private String sum;

    public String type() { return type; }
    public Checksum type(String type) { this.type = type; return this; }

    /** Lower-case hex digest. */
    public String sum() { return sum; }
    public Checksum sum(String sum) { this.sum = sum; return this; }

    public static final String SHA256 = "sha256";

    public static Checksum sha256(String hex) { return new Checksum().type(SHA256).sum(hex); }

    /** True when neither type nor sum is set ({@code checksum: {}} in Fission's files). */
    public boolean isEmpty() {
        return (type == null || type.isEmpty()) && (sum == null || sum.isEmpty());
    }
}
