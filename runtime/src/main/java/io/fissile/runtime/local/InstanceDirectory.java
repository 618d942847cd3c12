package io.fissile.runtime.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An instance's private directory, {@code <base>/instances/<id>/}: {@code userfunc/} for its package,
 * {@code tmp/} and {@code view/} (the secrets and configs it may read, as links) when it runs
 * unsandboxed, {@code cds/} for a JVM's first shared archive, and the record of its process for
 * cleaning up after a crash of the server.
 */
record InstanceDirectory(Path root) {

    /** Creates the directory; fails with {@link java.nio.file.FileAlreadyExistsException} when the id is taken. */
    static InstanceDirectory create(Path instancesDir, String id) throws IOException {
        InstanceDirectory dir = new InstanceDirectory(instancesDir.resolve(id));
        Files.createDirectory(dir.root());
        Files.createDirectory(dir.userfunc());
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

    /** Unsandboxed only: {@code view/secrets/<ns>/<name>} and {@code view/configs/<ns>/<name>} link to the mounts. */
    Path view() {
        return root.resolve("view");
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
