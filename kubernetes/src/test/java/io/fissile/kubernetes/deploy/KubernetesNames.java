package io.fissile.kubernetes.deploy;

import java.util.regex.Pattern;

/** Kubernetes' rules for names, label keys and values, and port names (apimachinery's validation). */
final class KubernetesNames {

    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS_1123_LABEL = Pattern.compile(LABEL);
    private static final Pattern DNS_1123_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern QUALIFIED_NAME_PART = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    private KubernetesNames() {
    }

    /** Why the name is not a DNS-1123 label (at most 63 characters), or null when it is one. */
    static String dns1123LabelProblem(String name) {
        if (name == null || name.isEmpty()) return "is empty";
        if (name.length() > 63) return "is longer than 63 characters";
        return DNS_1123_LABEL.matcher(name).matches() ? null : "is not a DNS-1123 label";
    }

    /** DNS-1035 (a DNS-1123 label that starts with a letter): Service names. */
    static String dns1035LabelProblem(String name) {
        String problem = dns1123LabelProblem(name);
        if (problem != null) return problem;
        return DNS_1035_LABEL.matcher(name).matches() ? null : "is not a DNS-1035 label (must start with a letter)";
    }

    /** DNS-1123 subdomain, at most 253 characters: most objects' names. */
    static String dns1123SubdomainProblem(String name) {
        if (name == null || name.isEmpty()) return "is empty";
        if (name.length() > 253) return "is longer than 253 characters";
        return DNS_1123_SUBDOMAIN.matcher(name).matches() ? null : "is not a DNS-1123 subdomain";
    }

    /** A label or annotation key: an optional DNS subdomain prefix and "/", then a name of at most 63. */
    static String labelKeyProblem(String key) {
        int slash = key.lastIndexOf('/');
        if (slash >= 0) {
            String prefixProblem = dns1123SubdomainProblem(key.substring(0, slash));
            if (prefixProblem != null) return "prefix " + prefixProblem;
        }
        String name = key.substring(slash + 1);
        if (name.isEmpty() || name.length() > 63) return "name part must have 1 to 63 characters";
        return QUALIFIED_NAME_PART.matcher(name).matches() ? null : "name part has characters a label key may not";
    }

    static String labelValueProblem(String value) {
        if (value == null) return "is null";
        if (value.length() > 63) return "is longer than 63 characters";
        return value.isEmpty() || QUALIFIED_NAME_PART.matcher(value).matches() ? null : "has characters a label value may not";
    }

    /** IANA_SVC_NAME: container and Service port names. */
    static String portNameProblem(String name) {
        if (name.length() > 15) return "is longer than 15 characters";
        if (!PORT_NAME.matcher(name).matches() || name.contains("--")) return "is not an IANA service name";
        return name.chars().anyMatch(Character::isLetter) ? null : "must contain a letter";
    }
}
