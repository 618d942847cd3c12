package io.fissile.storage.fs;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The digest that names archives. */
final class Sha256 {
    private Sha256() {
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** Finishes the digest as the lower-case hex form an archive id takes. */
    static String finish(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    static String mismatch(String expected, String actual) {
        return "checksum mismatch: expected " + expected + ", got " + actual;
    }
}
