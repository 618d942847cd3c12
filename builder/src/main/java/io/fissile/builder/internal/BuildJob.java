package io.fissile.builder.internal;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageStatus;
import io.fissile.builder.BuilderOptions;
import io.fissile.runtime.CommandResult;
import io.fissile.runtime.CommandRunner;
import io.fissile.runtime.archive.ArchiveFetcher;
import io.fissile.storage.ArchiveStore;
import io.fissile.store.Informer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Builds one package as it is now: marks it running, unpacks its source, runs its environment's
 * builder confined by the {@link CommandRunner}, stores the result and points the package at it, or
 * marks it failed with the reason. Every outcome goes into the package's build log.
 */
public final class BuildJob {

    private static final Logger LOG = LoggerFactory.getLogger(BuildJob.class);

    private final BuilderOptions options;
    private final StatusWriter status;
    private final Informer<Environment> environments;
    private final ArchiveStore archives;
    private final ArchiveFetcher fetcher;
    private final CommandRunner runner;
    private final BuildScripts scripts;

    BuildJob(BuilderOptions options, StatusWriter status, Informer<Environment> environments, ArchiveStore archives,
             ArchiveFetcher fetcher, CommandRunner runner, BuildScripts scripts) {
        this.options = options;
        this.status = status;
        this.environments = environments;
        this.archives = archives;
        this.fetcher = fetcher;
        this.runner = runner;
        this.scripts = scripts;
    }

    /** Builds the package if it still has source to build; returns early when it changed or went meanwhile. */
    void build(PackageKey key) throws InterruptedException {
        Optional<Package> current = status.current(key).filter(BuildInputs::hasSource);
        if (current.isEmpty()) return;
        Package pkg = current.get();
        BuildInputs inputs = BuildInputs.of(pkg);
        String envNamespace = pkg.spec().environment().namespaceOr(pkg.namespace());
        String envName = pkg.spec().environment().name();
        Optional<Environment> env = environments.get(envNamespace, envName);
        if (env.isEmpty()) {
            // Not a failure: a spec directory may create the environment after the package. Its arrival restarts the build.
            status.mark(key, PackageStatus.PENDING, "Waiting for environment \"" + envNamespace + "/" + envName + "\" to exist\n");
            return;
        }
        BuildPlan plan;
        try {
            plan = BuildPlan.of(pkg, env.get());
        } catch (BuildRefusedException e) {
            status.fail(key, inputs, e.getMessage() + "\n");
            return;
        }
        BuildLog log = new BuildLog().line("Building " + key + " with " + plan.image() + " ("
                + (runner.sandboxed() ? "sandboxed" : "NOT sandboxed: " + runner.sandboxNote()) + ")");
        if (!status.mark(key, PackageStatus.RUNNING, log.toString())) return;
        LOG.info("Building {} with {}", key, plan.image());
        run(key, inputs, pkg, plan, log);
    }

    private void run(PackageKey key, BuildInputs inputs, Package pkg, BuildPlan plan, BuildLog log) throws InterruptedException {
        try (BuildWorkspace workspace = BuildWorkspace.create(options.workDir().resolve("builds"), key, options.maxArchiveBytes())) {
            workspace.unpackSource(pkg, fetcher);
            log.line("$ " + plan.command());
            CommandResult result = runner.run(plan.commandSpec(workspace, scripts.dirOf(plan.kind()), home(),
                    options.mavenRepository(), options.timeLimit(), options.memoryLimitBytes()));
            log.output(result);
            if (!result.succeeded()) {
                log.line("Build failed: " + result.exit().message() + " (after " + BuildLog.seconds(result.duration()) + ")");
                finishFailed(key, inputs, log);
                return;
            }
            Archive deployment = workspace.storeDeployment(archives);
            log.line("Build succeeded in " + BuildLog.seconds(result.duration()));
            if (status.succeed(key, inputs, deployment, log.toString())) LOG.info("Built {}", key);
        } catch (IOException | RuntimeException e) {
            log.line("Build failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            finishFailed(key, inputs, log);
        }
    }

    private void finishFailed(PackageKey key, BuildInputs inputs, BuildLog log) {
        if (status.fail(key, inputs, log.toString())) LOG.info("The build of {} failed", key);
    }

    /** The builds' HOME: package managers keep their caches there, shared by every build. */
    private Path home() throws IOException {
        return Files.createDirectories(options.workDir().resolve("home"));
    }
}
