package io.fissile.spec;

import io.fissile.api.Codec;
import io.fissile.api.FieldError;
import io.fissile.api.Validation;
import io.fissile.api.v1.DeploymentConfig;
import io.fissile.api.v1.Kinds;
import io.fissile.spec.internal.DnsLabels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Creates a spec directory, as {@code fission spec init} does: a README and the DeploymentConfig. */
public final class SpecInitializer {
    public static final String README_FILE = "README";

    private static final String CONFIG_HEADER = """
            # Written by `fissile spec init`; see the README next to this file.
            # Leave the uid as it is: spec apply marks every object it creates with it, and apply,
            # list and destroy find the objects of this directory by it.
            """;

    private static final String README = """
            Fission specs
            =============

            The YAML files in this directory describe an application: environments, packages,
            functions and triggers. `fissile spec apply` (or `fission spec apply`) makes the server
            hold exactly these objects: it creates what is missing, updates what differs and leaves
            alone what is already as written. With --delete it also removes the objects this
            directory applied before but no longer holds; with --watch it applies again whenever a
            file here, or a source file an archive includes, changes.

            Source code is packed by ArchiveUploadSpec documents: their include globs name files
            relative to the directory above this one (or to their rootdir). A package refers to one
            as archive://<name>; small archives travel inside the package, larger ones are uploaded.

            Add objects by hand, or let the CLI write them: `fissile fn create --spec ...`,
            `fissile env create --spec ...` and so on. Check them with `fissile spec validate`.

            fission-deployment-config.yaml names this deployment and holds its uid. Every object
            apply creates is annotated with that uid (fission-uid), which is how apply, list and
            destroy tell this directory's objects from anyone else's. Do not change it.
            """;

    private SpecInitializer() {
    }

    /**
     * Creates the directory with a README (unless it has one) and fission-deployment-config.yaml.
     *
     * @param name       the deployment's name; null to name it after {@code workingDir}
     * @param uid        the deployment's uid; null for a random UUID
     * @param workingDir the directory the command runs in
     * @throws IllegalStateException    when the directory already has a DeploymentConfig
     * @throws IllegalArgumentException when the name is not a DNS-1123 label
     */
    public static DeploymentConfig init(Path specDir, String name, String uid, Path workingDir) {
        DeploymentConfig config = new DeploymentConfig()
                .apiVersion(Kinds.API_VERSION)
                .name(name == null || name.isBlank() ? defaultName(workingDir) : name)
                .uid(uid == null || uid.isBlank() ? UUID.randomUUID().toString() : uid);
        List<FieldError> errors = Validation.validate(config);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid deployment: "
                    + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        }
        Path configFile = specDir.resolve(SpecReader.DEPLOYMENT_CONFIG_FILE);
        if (Files.exists(configFile)) {
            throw new IllegalStateException(configFile + " already exists: " + specDir + " is initialised");
        }
        try {
            Files.createDirectories(specDir);
            Path readme = specDir.resolve(README_FILE);
            if (!Files.exists(readme)) Files.writeString(readme, README, StandardCharsets.UTF_8);
            Files.writeString(configFile, CONFIG_HEADER + Codec.toYaml(config), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot initialise " + specDir + ": " + e.getMessage(), e);
        }
        return config;
    }

    private static String defaultName(Path workingDir) {
        Path name = workingDir.toAbsolutePath().normalize().getFileName();
        return DnsLabels.of(name == null ? "" : name.toString());
    }
}
