package io.fissile.cli.commands;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A command that does something. It throws to fail: {@link ErrorReporter} turns the exception
 * into a message and exit code 1.
 */
public abstract class FissileCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Mixin(name = GlobalOptions.MIXIN)
    GlobalOptions global;

    private Session session;

    @Override
    public final Integer call() throws Exception {
        session = ((RootCommand) spec.root().userObject()).newSession(spec);
        run();
        session.out().flush();
        return 0;
    }

    protected abstract void run() throws Exception;

    protected Session session() {
        return session;
    }
}
