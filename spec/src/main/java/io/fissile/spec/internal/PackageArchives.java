package io.fissile.spec.internal;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.ArchiveUploadSpec;
import io.fissile.api.v1.Checksum;
import io.fissile.api.v1.Package;
import io.fissile.client.Archives;
import io.fissile.client.ControllerClient;
import io.fissile.spec.Located;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Turns each ArchiveUploadSpec into the archive a package carries: its bytes ({@code literal}) up
 * to 256 KiB, else an archive on the server referred to by URL and SHA-256. Archives are
 * content-addressed, so one already on the server is referred to, not uploaded again.
 */
public final class PackageArchives implements AutoCloseable {
    private final ControllerClient client;
    private final Consumer<String> progress;
    private final Path workDir;
    private final Map<String, Archive> built = new HashMap<>();
    private Map<String, String> uploaded;

    public PackageArchives(ControllerClient client, Consumer<String> progress) {
        this.client = client;
        this.progress = progress;
        try {
            this.workDir = Files.createTempDirectory("fissile-spec-archives");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
        }
    }

    /** Builds every archive the specs define, keyed by name. */
    public Map<String, Archive> build(List<Located<ArchiveUploadSpec>> specs, Path projectDir) {
        for (Located<ArchiveUploadSpec> located : specs) {
            ArchiveUploadSpec spec = located.value();
            built.put(spec.name(), archiveOf(spec, ArchiveInputs.resolve(spec, projectDir)));
        }
        return Map.copyOf(built);
    }

    /** Replaces the package's {@code archive://name} URLs with the archives built for them. */
    public static void substitute(Package pkg, Map<String, Archive> archives) {
        pkg.spec().source(substitute(pkg.spec().source(), archives));
        pkg.spec().deployment(substitute(pkg.spec().deployment(), archives));
    }

    private static Archive substitute(Archive archive, Map<String, Archive> archives) {
        String name = ReferenceChecks.archiveName(archive);
        if (name == null) return archive;
        Archive replacement = archives.get(name);
        if (replacement == null) throw new IllegalStateException("no archive was built for " + archive.url());
        return replacement;
    }

    private Archive archiveOf(ArchiveUploadSpec spec, ArchiveInputs.Inputs inputs) {
        Path file = inputs.singleFile()
                ? inputs.entries().get(0).file()
                : Archives.zip(inputs.filesByName(), workDir.resolve(spec.name() + ".zip"));
        long size = size(file);
        if (size <= Archive.LITERAL_SIZE_LIMIT) {
            progress.accept("archive " + spec.name() + ": " + describe(inputs, size) + ", sent inline");
            return Archives.forPackage(client, file);
        }
        String sha256 = ControllerClient.sha256(file);
        String existing = uploadedArchives().get(sha256);
        if (existing != null) {
            progress.accept("archive " + spec.name() + ": " + describe(inputs, size) + ", already on the server");
            return Archive.ofUrl(existing, Checksum.sha256(sha256));
        }
        Archive archive = Archives.forPackage(client, file);
        uploaded.put(sha256, archive.url());
        progress.accept("archive " + spec.name() + ": " + describe(inputs, size) + ", uploaded");
        return archive;
    }

    /** The archives on the server, by SHA-256 (their id), listed once. */
    private Map<String, String> uploadedArchives() {
        if (uploaded == null) {
            uploaded = new HashMap<>();
            client.listArchives().forEach(a -> uploaded.put(a.id(), a.url()));
        }
        return uploaded;
    }

    private static String describe(ArchiveInputs.Inputs inputs, long size) {
        String what = inputs.singleFile() ? inputs.entries().get(0).name()
                : inputs.entries().size() + (inputs.entries().size() == 1 ? " file" : " files") + " zipped";
        return what + " (" + size + " bytes)";
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the zips written. */
    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(workDir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // A leftover temporary file is harmless; the apply itself succeeded or failed on its own.
        }
    }
}
