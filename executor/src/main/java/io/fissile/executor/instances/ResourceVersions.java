package io.fissile.executor.instances;

/**
 * Compares resource versions. They are opaque to clients in Kubernetes' rules, but every store
 * Fissile uses writes increasing integers; this is used only to keep a caller that holds a slightly
 * older copy of a function from replacing the instances of its newer version.
 */
final class ResourceVersions {

    private ResourceVersions() {
    }

    /** True only when both are integers and {@code candidate} is the smaller. */
    static boolean isOlder(String candidate, String than) {
        if (candidate == null || than == null) return false;
        try {
            return Long.parseLong(candidate) < Long.parseLong(than);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
