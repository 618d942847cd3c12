package io.fissile.spec.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** Turns any text into a DNS-1123 label, as Fission names a deployment after its directory. */
public final class DnsLabels {
    private static final int MAX_LENGTH = 63;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private DnsLabels() {
    }

    /** Whether the text already is a DNS-1123 label, as names and namespaces must be. */
    public static boolean isLabel(String text) {
        return text != null && text.length() <= MAX_LENGTH && LABEL.matcher(text).matches();
    }

    /** Lower case; other characters become '-'; starts with a letter, ends with a letter or digit; "default" if nothing is left. */
    public static String of(String text) {
        String label = text.toLowerCase(Locale.ROOT)
                .replaceAll("[^-a-z0-9]", "-")
                .replaceAll("^[^a-z]+", "");
        if (label.length() > MAX_LENGTH) label = label.substring(0, MAX_LENGTH);
        label = label.replaceAll("[^a-z0-9]+$", "");
        return label.isEmpty() ? "default" : label;
    }
}
