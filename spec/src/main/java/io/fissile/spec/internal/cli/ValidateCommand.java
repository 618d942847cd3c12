package io.fissile.spec.internal.cli;

import io.fissile.api.Kind;
import io.fissile.api.v1.Kinds;
import io.fissile.spec.SpecProblem;
import io.fissile.spec.SpecReader;
import io.fissile.spec.SpecSet;
import io.fissile.spec.SpecValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code spec validate}: every check apply makes before sending anything, and the server's checks
 * when it can be reached.
 */
@Command(name = "validate", description = "Check a spec directory for errors without applying it")
public final class ValidateCommand extends SpecSubcommand {
    @Mixin
    SpecDirOptions dirs;

    @Mixin
    NamespaceOptions namespace;

    @Option(names = "--force-namespace", description = "Check as if every object were in --namespace, as apply --force-namespace puts them")
    boolean forceNamespace;

    @Option(names = {"--allowconflicts", "--allow-conflicts"},
            description = "Objects on the server that belong to another deployment are no error")
    boolean allowConflicts;

    @Override
    protected int execute() {
        SpecSet specs = SpecReader.read(dirs.readOptions().withNamespace(namespace.namespace(), forceNamespace));
        specs.deploymentConfig().ifPresent(d -> out().println("Deployment " + d.value().name() + " (uid " + d.value().uid() + ")"));
        out().println("Objects: " + inventory(specs));
        List<SpecProblem> problems = problems(specs);
        long errors = printProblems(problems);
        long warnings = problems.size() - errors;
        if (errors > 0) {
            err().println(count(errors, "error") + (warnings > 0 ? ", " + count(warnings, "warning") : "") + ".");
            return 1;
        }
        out().println("Validation successful: no errors" + (warnings > 0 ? " (" + count(warnings, "warning") + ")" : "") + ".");
        return 0;
    }

    /** The problems, the server's included when it answers; says so when it does not. */
    private List<SpecProblem> problems(SpecSet specs) {
        try {
            return SpecValidator.validate(specs, client(), allowConflicts);
        } catch (UncheckedIOException e) {
            out().println("Note: the server cannot be reached (" + e.getMessage() + "); checked the specs only, "
                    + "not whether their objects conflict with the server's nor whether environments missing from "
                    + "the specs exist there.");
            return SpecValidator.validate(specs);
        }
    }

    private static String inventory(SpecSet specs) {
        List<String> parts = new ArrayList<>();
        for (Kind<?> kind : Kinds.all()) {
            int n = specs.resources(kind).size();
            if (n > 0) parts.add(count(n, kind.name()));
        }
        if (!specs.archives().isEmpty()) parts.add(count(specs.archives().size(), "ArchiveUploadSpec"));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
}
