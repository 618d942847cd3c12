package io.fissile.cli.commands.function;

import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.Session;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.RequiredName;
import io.fissile.cli.output.LogLineText;
import io.fissile.client.ApiException;
import io.fissile.client.FunctionLogLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * {@code fn log --name N [-f] [-r] [--recordcount N] [-d]} (alias {@code logs}): the lines the
 * function's instances wrote, oldest first, with Fission's flags. {@code -f} goes on printing new
 * lines until interrupted.
 */
@Command(name = "log", aliases = "logs", description = "Display function logs")
public final class FunctionLog extends FissileCommand {
    /** Fission's default for --recordcount. */
    static final int DEFAULT_RECORD_COUNT = 20;

    @Mixin
    RequiredName name;

    @Option(names = {"-f", "--follow"}, description = "Keep printing the lines the function writes next")
    boolean follow;

    @Option(names = {"-r", "--reverse"}, description = "Newest line first (ignored with --follow)")
    boolean reverse;

    @Option(names = "--recordcount", paramLabel = "N", defaultValue = "" + DEFAULT_RECORD_COUNT,
            description = "Number of most recent lines to show (default: ${DEFAULT-VALUE})")
    int recordCount;

    @Option(names = {"-d", "--detail"}, description = "Also show the instance and stream (stdout, stderr) of each line")
    boolean detail;

    @Override
    protected void run() {
        if (recordCount < 0) throw new CliException("--recordcount must be 0 or more, not " + recordCount);
        Session session = session();
        try {
            if (follow) {
                session.client().followLogs(session.namespace(), name.name(), recordCount, null, this::print);
                if (!Thread.currentThread().isInterrupted()) session.warn("the controller ended the log stream");
            } else {
                List<FunctionLogLine> lines = session.client().logs(session.namespace(), name.name(), recordCount, null);
                (reverse ? lines.reversed() : lines).forEach(this::print);
            }
        } catch (ApiException e) {
            if (e.isNotFound()) throw Resources.notFound(FunctionCommands.TYPE, name.name(), session.namespace());
            throw e;
        }
    }

    private void print(FunctionLogLine line) {
        session().out().println(LogLineText.format(line, detail));
    }
}
