package io.fissile.runtime.local;

import io.fissile.runtime.RuntimeKind;

import java.nio.file.Path;
import java.util.List;

/**
 * A shipped runtime's files, extracted on the server's disk.
 *
 * @param kind which runtime
 * @param dir the directory holding them, named by their content hash
 * @param classpath the jvm and binary runtimes' classpath entries, relative to {@code dir}
 * @param contentHash the hash naming {@code dir}
 */
record InstalledRuntime(RuntimeKind kind, Path dir, List<String> classpath, String contentHash) {
}
