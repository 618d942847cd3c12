package io.fissile.runtime.local;

import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceSpec;
import io.fissile.runtime.logs.FileFunctionLogs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A runtime as the server would create it, under a test's data directory, with its function logs.
 * Closing it closes the runtime and checks that none of the processes it started still runs.
 */
final class RuntimeHarness implements AutoCloseable {

    final Path dataDir;
    final FileFunctionLogs logs;
    final LocalProcessRuntime runtime;
    private final List<Long> pids = new ArrayList<>();

    private RuntimeHarness(Path dataDir, FileFunctionLogs logs, LocalProcessRuntime runtime) {
        this.dataDir = dataDir;
        this.logs = logs;
        this.runtime = runtime;
    }

    static RuntimeHarness create(Path dataDir) {
        return create(dataDir, UnaryOperator.identity());
    }

    static RuntimeHarness create(Path dataDir, UnaryOperator<LocalRuntimeOptions> options) {
        return create(dataDir, new FileFunctionLogs(dataDir.resolve("logs")), options);
    }

    static RuntimeHarness create(Path dataDir, FileFunctionLogs logs, UnaryOperator<LocalRuntimeOptions> options) {
        LocalRuntimeOptions defaults = LocalRuntimeOptions.defaults(dataDir.resolve("runtime"), logs);
        return new RuntimeHarness(dataDir, logs, LocalProcessRuntime.create(options.apply(defaults)));
    }

    Instance start(InstanceSpec spec) throws Exception {
        Instance instance = runtime.start(spec).get(90, TimeUnit.SECONDS);
        pids.add(((LocalInstance) instance).process().process().pid());
        pids.add(((LocalInstance) instance).runtimePid());
        return instance;
    }

    static long runtimePid(Instance instance) {
        return ((LocalInstance) instance).runtimePid();
    }

    @Override
    public void close() {
        runtime.close();
        logs.close();
        await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pids)
                .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
    }
}
