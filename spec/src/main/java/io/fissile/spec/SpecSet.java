package io.fissile.spec;

import io.fissile.api.Kind;
import io.fissile.api.Resource;
import io.fissile.api.v1.ArchiveUploadSpec;
import io.fissile.api.v1.DeploymentConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a spec directory holds: its DeploymentConfig, its ArchiveUploadSpecs and the resources to
 * apply, each with where it was written, and the problems found while reading it.
 */
public final class SpecSet {
    private final Path specDir;
    private final List<Path> files;
    private final Located<DeploymentConfig> deployment;
    private final List<Located<ArchiveUploadSpec>> archives;
    private final List<Located<Resource<?, ?>>> resources;
    private final List<SpecProblem> problems;

    SpecSet(Path specDir, List<Path> files, Located<DeploymentConfig> deployment,
            List<Located<ArchiveUploadSpec>> archives, List<Located<Resource<?, ?>>> resources, List<SpecProblem> problems) {
        this.specDir = specDir;
        this.files = List.copyOf(files);
        this.deployment = deployment;
        this.archives = List.copyOf(archives);
        this.resources = List.copyOf(resources);
        this.problems = List.copyOf(problems);
    }

    /** The directory as the user named it. */
    public Path specDir() {
        return specDir;
    }

    /**
     * The directory that ArchiveUploadSpec globs are relative to when they set no {@code rootdir}:
     * the parent of the spec directory, as in Fission (the directory apply runs in, in the usual layout).
     */
    public Path projectDir() {
        Path absolute = specDir.toAbsolutePath().normalize();
        return absolute.getParent() == null ? absolute : absolute.getParent();
    }

    /** The spec files read, in the order read. */
    public List<Path> files() {
        return files;
    }

    public Optional<Located<DeploymentConfig>> deploymentConfig() {
        return Optional.ofNullable(deployment);
    }

    /** The DeploymentConfig; throws an InvalidSpecException when the directory has none. */
    public DeploymentConfig deployment() {
        if (deployment == null) {
            throw new InvalidSpecException(problems.isEmpty() ? List.of(SpecReader.missingDeploymentConfig(specDir)) : problems);
        }
        return deployment.value();
    }

    public List<Located<ArchiveUploadSpec>> archives() {
        return archives;
    }

    /** Every resource to apply, in the order read. */
    public List<Located<Resource<?, ?>>> resources() {
        return resources;
    }

    /** The resources of one kind, in the order read. */
    @SuppressWarnings("unchecked")
    public <R extends Resource<?, ?>> List<Located<R>> resources(Kind<R> kind) {
        return resources.stream()
                .filter(l -> kind.type().isInstance(l.value()))
                .map(l -> (Located<R>) (Located<?>) l)
                .toList();
    }

    /** The problems found while reading: unreadable files and documents, invalid fields. */
    public List<SpecProblem> problems() {
        return problems;
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(SpecProblem::isError);
    }
}
