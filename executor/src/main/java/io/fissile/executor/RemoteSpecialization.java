package io.fissile.executor;

import io.fissile.api.v1.Package;
import io.fissile.api.v1.Reference;

import java.util.List;
import java.util.Objects;

/**
 * What a fetcher beside a {@link RemoteInstance} needs to specialize it, as Fission's fetcher gets it:
 * the package to fetch, where to place it and the environment's specialize call to make afterwards.
 *
 * @param functionNamespace the function's namespace
 * @param functionName      the function's name
 * @param pkg               the package version, whose {@code spec.deployment} is fetched (its checksum checked)
 * @param keepArchive       the environment keeps archives: place the archive, not its unpacked files
 * @param fileName          the name in the userfunc directory to place the package at ({@code deployarchive} or {@code user})
 * @param specializePath    the environment's endpoint, {@code /v2/specialize} or {@code /specialize}
 * @param contentType       the specialize request's content type
 * @param body              the specialize request's body (its {@code filepath} names the placed package)
 * @param secrets           the secrets the function names, to appear at {@code /secrets/<namespace>/<name>/<key>}
 * @param configMaps        the config maps it names, at {@code /configs/<namespace>/<name>/<key>}
 */
public record RemoteSpecialization(String functionNamespace, String functionName, Package pkg, boolean keepArchive,
                                   String fileName, String specializePath, String contentType, byte[] body,
                                   List<Reference> secrets, List<Reference> configMaps) {

    public RemoteSpecialization {
        Objects.requireNonNull(pkg, "pkg");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(specializePath, "specializePath");
        body = body == null ? new byte[0] : body;
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        configMaps = configMaps == null ? List.of() : List.copyOf(configMaps);
    }
}
