package io.fissile.spec.internal.cli;

import io.fissile.api.GoDuration;
import io.fissile.client.ApiException;
import io.fissile.spec.ApplyOptions;
import io.fissile.spec.ApplyResult;
import io.fissile.spec.InvalidSpecException;
import io.fissile.spec.SpecApplier;
import io.fissile.spec.SpecApplyException;
import io.fissile.spec.SpecReader;
import io.fissile.spec.SpecSet;
import io.fissile.spec.SpecWatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;

/** {@code spec apply}: makes the server hold what the spec directory holds; with --watch, keeps it so. */
@Command(name = "apply", description = "Create, update or delete objects so that the server holds what the spec directory holds")
public final class ApplyCommand extends SpecSubcommand {
    @Mixin
    SpecDirOptions dirs;

    @Mixin
    NamespaceOptions namespace;

    @Option(names = {"--force-namespace", "--force"}, description = "Put every object in --namespace, even those that name another")
    boolean forceNamespace;

    @Option(names = "--delete", description = "Also delete this deployment's objects that the spec directory no longer holds")
    boolean delete;

    @Option(names = "--wait", description = "Wait for the packages' builds to finish")
    boolean waitForBuilds;

    @Option(names = "--wait-timeout", paramLabel = "DURATION", defaultValue = "5m",
            description = "How long --wait waits, e.g. 90s or 5m (default: ${DEFAULT-VALUE})")
    String waitTimeout;

    @Option(names = "--watch", description = "Keep watching the spec files and the archives' source files, and apply again on change")
    boolean watch;

    @Option(names = "--validation", paramLabel = "true|false", defaultValue = "true",
            description = "Check references between the objects first; \"false\" skips those checks (default: ${DEFAULT-VALUE})")
    String validation;

    @Option(names = {"--allowconflicts", "--allow-conflicts"},
            description = "Take over objects that exist but belong to another deployment, or to none")
    boolean allowConflicts;

    /** The outcome of one apply: what was read, and whether it all went through. */
    private record Outcome(SpecSet specs, boolean ok) {
    }

    @Override
    protected int execute() {
        ApplyOptions options = ApplyOptions.defaults()
                .withDelete(delete)
                .withAllowConflicts(allowConflicts)
                .withCheckReferences(!"false".equalsIgnoreCase(validation))
                .withWaitForBuilds(waitForBuilds, GoDuration.parse(waitTimeout));
        if (!watch) return applyOnce(options).ok() ? 0 : 1;
        try (SpecWatcher watcher = new SpecWatcher(() -> applyOnce(options).specs(), out()::println, SpecWatcher.DEFAULT_SETTLE_TIME)) {
            watcher.run();
        }
        return 0;
    }

    /** Reads and applies once, reporting the outcome; failures are reported, not thrown, so that a watch goes on. */
    private Outcome applyOnce(ApplyOptions options) {
        SpecSet specs = SpecReader.read(dirs.readOptions().withNamespace(namespace.namespace(), forceNamespace));
        try {
            ApplyResult result = new SpecApplier(client(), options, out()::println).apply(specs);
            out().println(result.summary());
            result.buildFailures().forEach(failure -> err().println("Error: " + failure));
            err().flush();
            return new Outcome(specs, result.buildFailures().isEmpty());
        } catch (InvalidSpecException e) {
            long errors = printProblems(e.problems());
            err().println(count(errors, "error") + " in the specs: nothing was applied.");
        } catch (SpecApplyException e) {
            err().println("Error: " + e.getMessage());
            if (!e.done().isEmpty()) err().println("Done before the error: " + new ApplyResult(e.done()).summary());
        } catch (ApiException | UncheckedIOException e) {
            err().println("Error: " + e.getMessage());
        }
        err().flush();
        return new Outcome(specs, false);
    }
}
