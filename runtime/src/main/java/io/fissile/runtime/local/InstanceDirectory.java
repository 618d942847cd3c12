package io.fissile.runtime.local;

import io.fissile.runtime.archive.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An instance's private directory, {@code <base>/instances/<id>/}: {@code userfunc/} for its package,
 * {@code secrets/} and {@code configs/} (what it may read of its function's secrets and config
 * maps, written by the executor; the instance sees them read-only), {@code tmp/} when it runs unsandboxed, {@code cds/} for a JVM's first shared archive, and the record of its process for
 * cleaning up after a crash of the server.
 */
record InstanceDirectory(Path root) {

    /** Creates the directory; fails with {@link java.nio.file.FileAlreadyExistsException} when the id is taken. */
    static InstanceDirectory create(Path instancesDir, String id) throws IOException {
        InstanceDirectory dir = new InstanceDirectory(instancesDir.resolve(id));
        Files.createDirectory(dir.root());
        Files.createDirectory(dir.userfunc());
        Files.createDirectory(dir.secrets());
        Files.createDirectory(dir.configs());
        return dir;
    }

    String id() {
        return root.getFileName().toString();
    }

    Path userfunc() {
        return root.resolve("userfunc");
    }

    Path tmp() {
        return root.resolve("tmp");
    }

    /** {@code secrets/<ns>/<name>/<key>}, as the contract lays them out. */
    Path secrets() {
        return root.resolve("secrets");
    }

    /** {@code configs/<ns>/<name>/<key>}. */
    Path configs() {
        return root.resolve("configs");
    }

    /** The instance's own directory for a mount at {@code /secrets/...} or {@code /configs/...}, else null. */
    Path mountPoint(Path pathInInstance) {
        if (pathInInstance.startsWith(MountPaths.SECRETS)) return secrets().resolve(Path.of(MountPaths.SECRETS).relativize(pathInInstance).toString());
        if (pathInInstance.startsWith(MountPaths.CONFIGS)) return configs().resolve(Path.of(MountPaths.CONFIGS).relativize(pathInInstance).toString());
        return null;
    }

    Path sharedArchiveDir() {
        return root.resolve("cds");
    }

    ProcessRecord processRecord() {
        return new ProcessRecord(root.resolve("process"));
    }

    void delete() {
        FileTrees.delete(root);
    }
}
