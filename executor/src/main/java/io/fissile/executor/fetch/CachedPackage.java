package io.fissile.executor.fetch;

import java.nio.file.Path;

/**
 * A package version's deployment, ready on disk: an unpacked directory, or the archive file itself
 * (not a zip, or an environment that keeps archives).
 *
 * @param version the package's resourceVersion
 * @param content the directory or file
 */
public record CachedPackage(String namespace, String name, String version, Path content) {
}
