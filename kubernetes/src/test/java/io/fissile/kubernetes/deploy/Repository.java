package io.fissile.kubernetes.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's deploy/ folder is, seen from a test running in the kubernetes module. */
final class Repository {

    private Repository() {
    }

    /** The repository root: the nearest directory upwards holding both pom.xml and deploy/. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("deploy"))) return dir;
        }
        throw new IllegalStateException("No repository root with deploy/ above " + Path.of("").toAbsolutePath());
    }

    static Path deploy() {
        return root().resolve("deploy");
    }

    static Path chart() {
        return deploy().resolve("charts").resolve("fissile");
    }
}
