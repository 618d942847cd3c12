package io.fissile.spec.internal.cli;

import io.fissile.api.v1.DeploymentConfig;
import io.fissile.client.ApiException;
import io.fissile.client.ControllerClient;
import io.fissile.spec.InvalidSpecException;
import io.fissile.spec.SpecApplyException;
import io.fissile.spec.SpecCommand;
import io.fissile.spec.SpecProblem;
import io.fissile.spec.SpecReader;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;

/** What every {@code spec} subcommand shares: output, the server client, and turning failures into exit code 1. */
public abstract class SpecSubcommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    SpecCommand parent;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help")
    boolean help;

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (InvalidSpecException e) {
            long errors = printProblems(e.problems());
            err().println(count(errors, "error") + " in the specs.");
            return 1;
        } catch (SpecApplyException | ApiException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            err().println("Error: " + e.getMessage());
            return 1;
        } finally {
            out().flush();
            err().flush();
        }
    }

    /** Does the work; returns the exit code. */
    protected abstract int execute();

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected ControllerClient client() {
        return parent.client();
    }

    /** The uid of the spec directory's deployment, which list and destroy go by. */
    protected static String deploymentUid(SpecDirOptions dirs) {
        DeploymentConfig deployment = SpecReader.read(dirs.readOptions()).deployment();
        if (deployment.uid() == null || deployment.uid().isBlank()) {
            throw new IllegalStateException("the DeploymentConfig in " + dirs.specDir() + " has no uid");
        }
        return deployment.uid();
    }

    /** Prints problems, errors first; returns how many errors there are. */
    protected long printProblems(List<SpecProblem> problems) {
        problems.stream().filter(SpecProblem::isError).forEach(p -> err().println("error: " + p));
        problems.stream().filter(p -> !p.isError()).forEach(p -> err().println("warning: " + p));
        return problems.stream().filter(SpecProblem::isError).count();
    }

    /** "1 error", "2 errors". */
    protected static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
