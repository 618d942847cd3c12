package io.fissile.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A one-off command to run isolated from the server, as a package build is. In a sandbox it sees the
 * system directories read-only, {@code writableDirs} read-write and {@code readableDirs} read-only,
 * each at its own path (so paths mean the same inside and out), a private {@code /tmp}, and nothing
 * else of the server's files; it keeps the network.
 *
 * @param name a short name for ids and messages, e.g. {@code build}
 * @param command the program and its arguments
 * @param workingDir where it runs; inside one of the writable directories
 * @param environment its whole environment besides {@code PATH}, {@code LANG} and {@code TMPDIR}, which the runner sets
 * @param writableDirs host directories it may change (never one holding the server's data)
 * @param readableDirs host directories it may read besides the system ones (e.g. a JDK elsewhere)
 * @param programs programs it calls by name (e.g. {@code npm}): found on the server's PATH, their install
 *                 directories shown read-only and put on its PATH when outside the system directories
 * @param timeLimit how long it may run; it is then ended with every process it started
 * @param memoryLimitBytes a memory limit (cgroup), 0 for none
 * @param cpuLimitMillis a CPU limit in millicores (cgroup), 0 for none
 * @param outputLimitBytes how much of its output (stdout and stderr together) is kept: the last bytes
 */
public record CommandSpec(String name, List<String> command, Path workingDir, Map<String, String> environment,
                          List<Path> writableDirs, List<Path> readableDirs, List<String> programs, Duration timeLimit,
                          long memoryLimitBytes, long cpuLimitMillis, int outputLimitBytes) {

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(10);
    public static final int DEFAULT_OUTPUT_LIMIT = 1024 * 1024;

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(workingDir, "workingDir");
        if (command == null || command.isEmpty()) throw new IllegalArgumentException("no command to run");
        command = List.copyOf(command);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        writableDirs = writableDirs == null ? List.of() : List.copyOf(writableDirs);
        readableDirs = readableDirs == null ? List.of() : List.copyOf(readableDirs);
        programs = programs == null ? List.of() : List.copyOf(programs);
        timeLimit = timeLimit == null || timeLimit.isZero() || timeLimit.isNegative() ? DEFAULT_TIME_LIMIT : timeLimit;
        outputLimitBytes = outputLimitBytes <= 0 ? DEFAULT_OUTPUT_LIMIT : outputLimitBytes;
    }

    /** A command that may change only its working directory, with the default limits. */
    public static CommandSpec of(String name, List<String> command, Path workingDir) {
        return new CommandSpec(name, command, workingDir, Map.of(), List.of(workingDir), List.of(), List.of(), null, 0, 0, 0);
    }

    public CommandSpec withEnvironment(Map<String, String> variables) {
        return new CommandSpec(name, command, workingDir, variables, writableDirs, readableDirs, programs, timeLimit,
                memoryLimitBytes, cpuLimitMillis, outputLimitBytes);
    }

    public CommandSpec withWritableDirs(List<Path> dirs) {
        return new CommandSpec(name, command, workingDir, environment, dirs, readableDirs, programs, timeLimit,
                memoryLimitBytes, cpuLimitMillis, outputLimitBytes);
    }

    public CommandSpec withReadableDirs(List<Path> dirs) {
        return new CommandSpec(name, command, workingDir, environment, writableDirs, dirs, programs, timeLimit,
                memoryLimitBytes, cpuLimitMillis, outputLimitBytes);
    }

    public CommandSpec withPrograms(List<String> names) {
        return new CommandSpec(name, command, workingDir, environment, writableDirs, readableDirs, names, timeLimit,
                memoryLimitBytes, cpuLimitMillis, outputLimitBytes);
    }

    public CommandSpec withTimeLimit(Duration limit) {
        return new CommandSpec(name, command, workingDir, environment, writableDirs, readableDirs, programs, limit,
                memoryLimitBytes, cpuLimitMillis, outputLimitBytes);
    }

    public CommandSpec withLimits(long memoryBytes, long cpuMillis) {
        return new CommandSpec(name, command, workingDir, environment, writableDirs, readableDirs, programs, timeLimit,
                memoryBytes, cpuMillis, outputLimitBytes);
    }

    public CommandSpec withOutputLimit(int bytes) {
        return new CommandSpec(name, command, workingDir, environment, writableDirs, readableDirs, programs, timeLimit,
                memoryLimitBytes, cpuLimitMillis, bytes);
    }
}
