package io.fissile.spec;

import io.fissile.api.Codec;
import io.fissile.api.FieldError;
import io.fissile.api.Resource;
import io.fissile.api.v1.ArchiveUploadSpec;
import io.fissile.api.v1.DeploymentConfig;
import io.fissile.spec.internal.DnsLabels;
import io.fissile.spec.internal.DocumentReader;
import io.fissile.spec.internal.IgnoreRules;
import io.fissile.spec.internal.NamespaceDefaults;
import io.fissile.spec.internal.SpecFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a spec directory as Fission does: every {@code *.yaml} and {@code *.yml} file beneath it
 * that its {@code .specignore} does not exclude, each document by its {@code kind}. Every problem
 * in every file is collected, not just the first.
 */
public final class SpecReader {
    public static final String DEFAULT_SPEC_DIR = "specs";
    public static final String DEFAULT_IGNORE_FILE = ".specignore";
    public static final String DEPLOYMENT_CONFIG_FILE = "fission-deployment-config.yaml";

    private final ReadOptions options;
    private final List<SpecProblem> problems = new ArrayList<>();
    private final List<Located<ArchiveUploadSpec>> archives = new ArrayList<>();
    private final List<Located<Resource<?, ?>>> resources = new ArrayList<>();
    private Located<DeploymentConfig> deployment;

    private SpecReader(ReadOptions options) {
        this.options = options;
    }

    /** Reads the directory; what is wrong with it is in {@link SpecSet#problems()}. */
    public static SpecSet read(ReadOptions options) {
        return new SpecReader(options).read();
    }

    /** Reads a directory with the default ignore file and namespace. */
    public static SpecSet read(Path specDir) {
        return read(ReadOptions.of(specDir));
    }

    static SpecProblem missingDeploymentConfig(Path specDir) {
        return SpecProblem.error(null, "no DeploymentConfig in " + specDir + " (it belongs in " + DEPLOYMENT_CONFIG_FILE
                + "): run `fissile spec init` to create one");
    }

    private SpecSet read() {
        Path dir = options.specDir();
        if (!Files.isDirectory(dir)) {
            problems.add(SpecProblem.error(null, "spec directory " + dir + " does not exist: check --specdir, "
                    + "or run `fissile spec init` to create it"));
            return result(List.of());
        }
        if (!DnsLabels.isLabel(options.namespace())) {
            problems.add(SpecProblem.error(null, "namespace \"" + options.namespace() + "\" is not a DNS-1123 label: "
                    + "use lower-case letters, digits and '-'"));
        }
        IgnoreRules ignore = ignoreRules(dir);
        List<Path> files = SpecFiles.list(dir, ignore);
        files.forEach(this::readFile);
        if (deployment == null) problems.add(missingDeploymentConfig(dir));
        return result(files);
    }

    private SpecSet result(List<Path> files) {
        return new SpecSet(options.specDir(), files, deployment, archives, resources, problems);
    }

    private IgnoreRules ignoreRules(Path dir) {
        Path file = dir.resolve(options.ignoreFile());
        if (Files.isRegularFile(file)) return IgnoreRules.read(file);
        if (options.customIgnoreFile()) {
            problems.add(SpecProblem.error(null, "spec ignore file " + file + " does not exist: check --specignore"));
        }
        return IgnoreRules.none();
    }

    private void readFile(Path file) {
        String display = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(SpecProblem.error(SpecLocation.file(display), "cannot read: " + e.getMessage()));
            return;
        }
        for (Codec.YamlDocument document : Codec.splitDocuments(text)) {
            readDocument(document, new SpecLocation(display, document.number(), document.line()));
        }
    }

    private void readDocument(Codec.YamlDocument document, SpecLocation location) {
        switch (DocumentReader.read(document.text())) {
            case DocumentReader.Unreadable u -> addErrors(location, u.errors());
            case DocumentReader.NotFission n -> problems.add(SpecProblem.warning(location, "ignored: "
                    + (n.kind().isEmpty() ? "a document without a kind" : "kind " + n.kind())
                    + (n.apiVersion().isEmpty() ? "" : " of " + n.apiVersion()) + " is not a Fission object"));
            case DocumentReader.Read r -> {
                addErrors(location, r.errors());
                add(r.value(), location);
            }
        }
    }

    private void add(Object value, SpecLocation location) {
        switch (value) {
            case DeploymentConfig config -> {
                if (deployment != null) {
                    problems.add(SpecProblem.error(location, "a second DeploymentConfig; the first is in " + deployment.location()));
                } else {
                    deployment = new Located<>(config, location);
                }
            }
            case ArchiveUploadSpec archive -> archives.add(new Located<>(archive, location));
            case Resource<?, ?> resource -> {
                NamespaceDefaults.apply(resource, options.namespace(), options.forceNamespace());
                resources.add(new Located<>(resource, location));
            }
            default -> throw new IllegalStateException("unexpected " + value.getClass().getName());
        }
    }

    private void addErrors(SpecLocation location, List<FieldError> errors) {
        errors.forEach(e -> problems.add(SpecProblem.error(location, e.toString())));
    }
}
