package io.fissile.runtime.local;

import io.fissile.runtime.FunctionLogs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link LocalProcessRuntime} runs instances.
 *
 * @param baseDir a directory of its own under the server's data directory: instance directories
 *                ({@code instances/<id>/}) and the runtimes' extracted files ({@code runtimes/})
 * @param logs where every line an instance writes goes
 * @param startTimeout how long a runtime may take to accept connections (default 30 s)
 * @param sandbox whether instances run in a bubblewrap sandbox (default {@link SandboxMode#AUTO})
 * @param cgroups whether instances get cgroups with their memory and CPU limits (default {@link CgroupMode#AUTO})
 * @param closeGrace how long {@link LocalProcessRuntime#close()} lets instances end after SIGTERM (default 5 s)
 */
public record LocalRuntimeOptions(Path baseDir, FunctionLogs logs, Duration startTimeout, SandboxMode sandbox,
                                  CgroupMode cgroups, Duration closeGrace) {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CLOSE_GRACE = Duration.ofSeconds(5);

    public enum SandboxMode {
        /** Sandbox when bubblewrap is installed and works; otherwise run unsandboxed and say why in the capabilities. */
        AUTO,
        /** Never sandbox. */
        OFF,
        /** Refuse to start the runtime without a working sandbox. */
        REQUIRED
    }

    public enum CgroupMode {
        /** Use cgroups when the server may create them; otherwise only the runtimes' own limits. */
        AUTO,
        /** Never use cgroups. */
        OFF
    }

    public LocalRuntimeOptions {
        Objects.requireNonNull(baseDir, "baseDir");
        Objects.requireNonNull(logs, "logs");
        startTimeout = positiveOr(startTimeout, DEFAULT_START_TIMEOUT);
        sandbox = sandbox == null ? SandboxMode.AUTO : sandbox;
        cgroups = cgroups == null ? CgroupMode.AUTO : cgroups;
        closeGrace = closeGrace == null || closeGrace.isNegative() ? DEFAULT_CLOSE_GRACE : closeGrace;
    }

    /** The defaults: 30 s start timeout, sandbox and cgroups where available, 5 s close grace. */
    public static LocalRuntimeOptions defaults(Path baseDir, FunctionLogs logs) {
        return new LocalRuntimeOptions(baseDir, logs, null, null, null, null);
    }

    public LocalRuntimeOptions withStartTimeout(Duration timeout) {
        return new LocalRuntimeOptions(baseDir, logs, timeout, sandbox, cgroups, closeGrace);
    }

    public LocalRuntimeOptions withSandbox(SandboxMode mode) {
        return new LocalRuntimeOptions(baseDir, logs, startTimeout, mode, cgroups, closeGrace);
    }

    public LocalRuntimeOptions withCgroups(CgroupMode mode) {
        return new LocalRuntimeOptions(baseDir, logs, startTimeout, sandbox, mode, closeGrace);
    }

    public LocalRuntimeOptions withCloseGrace(Duration grace) {
        return new LocalRuntimeOptions(baseDir, logs, startTimeout, sandbox, cgroups, grace);
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
