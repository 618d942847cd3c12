package io.fissile.runtime.local;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Skips a test when a program it needs is not installed. CI installs every one of these packages
 * and treats such a skip as a failure, so the message names the package exactly.
 */
final class DebianPackages {

    private DebianPackages() {
    }

    static void assumeInstalled(String program, String debianPackage) {
        assumeTrue(Executable.find(program).filter(Executable::nativeBinary).isPresent(),
                "missing Debian package: " + debianPackage);
    }
}
