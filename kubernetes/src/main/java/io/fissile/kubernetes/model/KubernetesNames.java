package io.fissile.kubernetes.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Names of the objects Fissile creates, kept DNS-1123 labels within Kubernetes' limits: a name too
 * long is cut and ends in a hash of the whole, so that two long names stay apart.
 */
public final class KubernetesNames {

    /** A Service name, a label value: 63. */
    public static final int MAX_LABEL = 63;
    /**
     * A Deployment's name, so that its pods' names (name, a ReplicaSet hash of 10 and a suffix of 5,
     * with dashes) still fit in a label.
     */
    public static final int MAX_DEPLOYMENT = MAX_LABEL - 17;
    private static final int HASH_LENGTH = 8;

    private KubernetesNames() {
    }

    /** The parts joined by dashes, lower case, characters outside {@code [a-z0-9-]} as dashes, at most {@code maxLength}. */
    public static String of(int maxLength, String... parts) {
        String whole = String.join("-", parts).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        whole = trimDashes(whole);
        if (whole.length() <= maxLength) return whole;
        String hash = hash(whole);
        return trimDashes(whole.substring(0, maxLength - HASH_LENGTH - 1)) + "-" + hash;
    }

    private static String trimDashes(String name) {
        return name.replaceAll("^-+", "").replaceAll("-+$", "");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
