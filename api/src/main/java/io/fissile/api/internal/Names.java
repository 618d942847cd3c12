package io.fissile.api.internal;

import java.util.regex.Pattern;

/**
 * Kubernetes' naming rules. Each check returns null when the value is fine, else a message that
 * says what a valid value looks like.
 */
public final class Names {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern QUALIFIED_NAME_PART = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

    private Names() {
    }

    /** A DNS-1123 label: what names of Fission objects must be. */
    public static String dnsLabel(String value) {
        if (value == null || value.isEmpty()) return "is required";
        if (value.length() > 63) return "\"" + value + "\" is longer than 63 characters";
        if (!DNS_LABEL.matcher(value).matches()) {
            return "\"" + value + "\" is not a DNS-1123 label: use lower-case letters, digits and '-', "
                    + "starting and ending with a letter or digit (e.g. \"hello-world\")";
        }
        return null;
    }

    /** A DNS-1123 subdomain: labels joined by dots, at most 253 characters. */
    public static String dnsSubdomain(String value) {
        if (value == null || value.isEmpty()) return "is required";
        if (value.length() > 253) return "\"" + value + "\" is longer than 253 characters";
        for (String label : value.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || !DNS_LABEL.matcher(label).matches()) {
                return "\"" + value + "\" is not a DNS-1123 subdomain: dot-separated parts of lower-case letters, "
                        + "digits and '-' (e.g. \"example.com\")";
            }
        }
        return null;
    }

    /** A label or annotation key: an optional DNS subdomain prefix and '/', then a name of at most 63 characters. */
    public static String qualifiedName(String value) {
        if (value == null || value.isEmpty()) return "a key must not be empty";
        String name = value;
        int slash = value.lastIndexOf('/');
        if (slash >= 0) {
            String prefix = value.substring(0, slash);
            name = value.substring(slash + 1);
            if (prefix.isEmpty() || dnsSubdomain(prefix) != null) {
                return "key \"" + value + "\" has a prefix that is not a DNS-1123 subdomain";
            }
        }
        if (name.isEmpty() || name.length() > 63 || !QUALIFIED_NAME_PART.matcher(name).matches()) {
            return "key \"" + value + "\" must be at most 63 letters, digits, '-', '_' or '.', "
                    + "starting and ending with a letter or digit";
        }
        return null;
    }

    /** A label value: empty, or at most 63 letters, digits, '-', '_' or '.', starting and ending alphanumeric. */
    public static String labelValue(String value) {
        if (value == null || value.isEmpty()) return null;
        if (value.length() > 63 || !QUALIFIED_NAME_PART.matcher(value).matches()) {
            return "value \"" + value + "\" must be at most 63 letters, digits, '-', '_' or '.', "
                    + "starting and ending with a letter or digit";
        }
        return null;
    }
}
