package io.fissile.runtime.local;

import java.nio.file.Path;

/**
 * A JVM class-data sharing archive for an instance: the runtime's archive, read-only, once one
 * exists; else a file in the instance's own directory that the JVM creates when it exits.
 *
 * @param hostFile the archive on the host
 * @param writable whether the instance creates it (it becomes the runtime's archive if the instance stays clean)
 */
record SharedArchive(Path hostFile, boolean writable) {
}
