package io.fissile.runtime.local;

import io.fissile.runtime.InstanceSpec;
import io.fissile.runtime.InstanceStartException;

import java.nio.file.Path;
import java.util.List;

/** Checks where a spec's mounts may appear: absolute paths outside what the runtime itself provides. */
final class MountPaths {

    static final String SECRETS = "/secrets";
    static final String CONFIGS = "/configs";

    private static final List<String> RESERVED = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64",
            "/libx32", "/etc", "/proc", "/dev", "/tmp", "/fissile", "/userfunc");

    private MountPaths() {
    }

    /** The mount's path inside the instance, normalized, or an exception saying why it cannot be used. */
    static Path check(InstanceSpec.Mount mount) {
        String text = mount.pathInInstance();
        if (text == null || !text.startsWith("/")) throw invalid(mount, "it is not an absolute path");
        Path path = Path.of(text);
        if (!path.equals(path.normalize()) || path.getNameCount() == 0) throw invalid(mount, "it is not a plain path");
        for (String reserved : RESERVED) {
            if (path.startsWith(reserved)) throw invalid(mount, "the runtime provides " + reserved + " itself");
        }
        return path;
    }

    private static InstanceStartException invalid(InstanceSpec.Mount mount, String why) {
        return new InstanceStartException("Cannot mount " + mount.hostPath() + " at " + mount.pathInInstance() + ": " + why);
    }
}
