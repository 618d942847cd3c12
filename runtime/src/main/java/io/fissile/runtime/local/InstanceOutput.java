package io.fissile.runtime.local;

import io.fissile.runtime.FunctionLogs;
import io.fissile.runtime.InstanceSpec;
import io.fissile.runtime.LogLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An instance's stdout and stderr, each read line by line on a virtual thread of its own into the
 * function logs, tagged with the function once the instance serves one. The last lines are kept
 * for messages about the instance.
 */
final class InstanceOutput {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceOutput.class);

    /** The function an instance serves. */
    private record FunctionTag(String namespace, String name) {
    }

    private final String instanceId;
    private final InstanceSpec spec;
    private final FunctionLogs logs;
    private final RecentLines recent = new RecentLines();
    private volatile FunctionTag function;
    private Thread stdoutReader;
    private Thread stderrReader;

    InstanceOutput(String instanceId, InstanceSpec spec, FunctionLogs logs) {
        this.instanceId = instanceId;
        this.spec = spec;
        // A user command serves its function from the start: what it says while starting is the function's.
        if (spec.userCommand() != null) function = new FunctionTag(spec.environmentNamespace(), spec.environmentName());
        this.logs = logs;
    }

    void start(Process process) {
        stdoutReader = read(process.getInputStream(), "stdout");
        stderrReader = read(process.getErrorStream(), "stderr");
    }

    void assignFunction(String namespace, String name) {
        function = new FunctionTag(namespace, name);
    }

    /** Writes a line of the runtime's own about this instance to its log. */
    void note(String text) {
        record(LogLine.RUNTIME_STREAM, text);
    }

    List<String> recentLines() {
        return recent.snapshot();
    }

    /** Waits for the readers to reach the end of the output (the process and all holding its pipes are gone). */
    void awaitEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Thread reader : new Thread[] {stdoutReader, stderrReader}) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                if (reader != null) reader.join(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Thread read(InputStream stream, String name) {
        LineSplitter splitter = new LineSplitter(text -> record(name, text));
        return PipeReaders.start(instanceId + "-" + name, () -> {
            try (stream) {
                splitter.readAll(stream);
            } catch (IOException e) {
                // the pipe closed under us: the process is gone
            }
        });
    }

    private void record(String stream, String text) {
        recent.add(text);
        FunctionTag tag = function;
        LogLine line = new LogLine(Instant.now(), tag == null ? null : tag.namespace(), tag == null ? null : tag.name(),
                instanceId, stream, text, spec.environmentNamespace(), spec.environmentName());
        try {
            logs.append(line);
        } catch (RuntimeException e) {
            // A failing log must not stop the reading, or the instance would block on a full pipe.
            LOG.debug("Cannot log a line of instance {}", instanceId, e);
        }
    }
}
