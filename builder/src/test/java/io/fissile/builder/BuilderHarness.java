package io.fissile.builder;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Builder;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageStatus;
import io.fissile.api.v1.Reference;
import io.fissile.api.v1.Runtime;
import io.fissile.runtime.archive.PackageArchives;
import io.fissile.runtime.local.LocalCommandRunner;
import io.fissile.runtime.local.LocalRuntimeOptions;
import io.fissile.storage.ArchiveStore;
import io.fissile.storage.fs.FileArchiveStore;
import io.fissile.store.Informer;
import io.fissile.store.ResourceStore;
import io.fissile.store.sqlite.SqliteResourceStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.awaitility.Awaitility.await;

/** A real store, archive store, sandboxed command runner and builder on a temporary directory. */
final class BuilderHarness implements AutoCloseable {

    final Path dir;
    final ResourceStore store;
    final FileArchiveStore archives;
    final LocalCommandRunner runner;
    private final Informer<Environment> environments;
    private final Informer<Package> packages;
    private final PackageBuilder builder;

    private BuilderHarness(Path dir, BuilderOptions options) throws IOException {
        this.dir = dir;
        this.store = SqliteResourceStore.open(dir.resolve("fissile.db"));
        this.archives = FileArchiveStore.open(dir.resolve("archives"));
        this.runner = LocalCommandRunner.create(dir.resolve("commands"), LocalRuntimeOptions.SandboxMode.AUTO,
                LocalRuntimeOptions.CgroupMode.AUTO);
        this.environments = Informer.start(store, Kinds.ENVIRONMENT);
        this.packages = Informer.start(store, Kinds.PACKAGE);
        this.builder = PackageBuilder.start(options, store, packages, environments, archives, runner);
    }

    static BuilderHarness start(Path dir) throws IOException {
        return start(dir, BuilderOptions.defaults(dir.resolve("builder")));
    }

    static BuilderHarness start(Path dir, BuilderOptions options) throws IOException {
        return new BuilderHarness(dir, options);
    }

    Environment environment(String name, String runtimeImage, String builderImage) {
        Environment env = Kinds.ENVIRONMENT.create("default", name);
        env.spec().version(3).runtime(new Runtime().image(runtimeImage)).builder(new Builder().image(builderImage).command("build"));
        return store.create(env);
    }

    /** A package of the files (name to content) as its source, waiting for its build as the controller leaves it. */
    Package sourcePackage(String name, String environment, Map<String, String> files, String buildcmd) throws IOException {
        Path sourceDir = Files.createTempDirectory(dir, "src-");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = sourceDir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        Path zip = dir.resolve(name + "-source.zip");
        PackageArchives.zip(sourceDir, zip, 0);
        return sourcePackage(name, environment, Archive.ofLiteral(Files.readAllBytes(zip)), buildcmd);
    }

    Package sourcePackage(String name, String environment, Archive source, String buildcmd) {
        Package pkg = Kinds.PACKAGE.create("default", name);
        pkg.spec().environment(Reference.to(environment).namespace("default")).source(source).buildcmd(buildcmd);
        pkg.status(new PackageStatus().buildstatus(PackageStatus.PENDING));
        return store.create(pkg);
    }

    Package get(String name) {
        return store.get(Kinds.PACKAGE, "default", name).orElseThrow();
    }

    /** Waits for the build to end, then returns the package. */
    Package awaitBuilt(String name, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            String status = get(name).status().buildstatus();
            return PackageStatus.SUCCEEDED.equals(status) || PackageStatus.FAILED.equals(status);
        });
        return get(name);
    }

    /** The deployment archive's entry, if it has it. */
    Optional<String> deployedFile(Package pkg, String entry) throws IOException {
        String id = ArchiveStore.idFromUrl(pkg.spec().deployment().url()).orElseThrow();
        Path file = archives.file(id).orElseThrow();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry found = zip.getEntry(entry);
            if (found == null) return Optional.empty();
            return Optional.of(new String(zip.getInputStream(found).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The deployment archive unpacked as the executor unpacks it (permissions kept). */
    Path unpackDeployment(Package pkg) throws IOException {
        String id = ArchiveStore.idFromUrl(pkg.spec().deployment().url()).orElseThrow();
        Path target = Files.createTempDirectory(dir, "deployed-");
        PackageArchives.unpack(archives.file(id).orElseThrow(), target.resolve("pkg"), 0);
        return target.resolve("pkg");
    }

    @Override
    public void close() {
        builder.close();
        packages.close();
        environments.close();
        runner.close();
        store.close();
    }
}
