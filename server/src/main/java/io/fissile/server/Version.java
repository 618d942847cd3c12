package io.fissile.server;

/** Fissile's version, from the jar's manifest when packaged. */
final class Version {
    private static final String DEVELOPMENT = "0.1.0-SNAPSHOT";

    private Version() {
    }

    static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? DEVELOPMENT : v;
    }
}
