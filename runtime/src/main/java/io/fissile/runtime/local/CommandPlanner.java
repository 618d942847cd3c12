package io.fissile.runtime.local;

import io.fissile.runtime.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a {@link CommandSpec} into the command line that runs it: in a bubblewrap sandbox that shows
 * the system directories and the spec's directories, each at its own path, or, without a sandbox,
 * as a plain process of the server's user that dies with the server where {@code setpriv} exists.
 */
final class CommandPlanner {

    private static final String LANG = "C.UTF-8";

    private final Bubblewrap sandbox;
    private final SystemView system;
    private final Optional<Path> setpriv;
    private final Path baseDir;

    private CommandPlanner(Bubblewrap sandbox, SystemView system, Optional<Path> setpriv, Path baseDir) {
        this.sandbox = sandbox;
        this.system = system;
        this.setpriv = setpriv;
        this.baseDir = baseDir;
    }

    static CommandPlanner sandboxed(Bubblewrap sandbox, SystemView system, Path baseDir) {
        return new CommandPlanner(sandbox, system, Optional.empty(), baseDir);
    }

    static CommandPlanner unsandboxed(Optional<Path> setpriv, Path baseDir) {
        return new CommandPlanner(null, null, setpriv, baseDir);
    }

    boolean isSandboxed() {
        return sandbox != null;
    }

    /** @param hostTmp a private temporary directory for an unsandboxed command (a sandbox has its own {@code /tmp}) */
    LaunchPlan plan(CommandSpec spec, Path hostTmp) {
        List<Executable> programs = spec.programs().stream().map(Executable::find).flatMap(Optional::stream).toList();
        return isSandboxed() ? inSandbox(spec, programs) : onHost(spec, programs, hostTmp);
    }

    private LaunchPlan inSandbox(CommandSpec spec, List<Executable> programs) {
        List<String> command = new ArrayList<>(sandbox.isolation());
        command.addAll(system.arguments());
        Set<Path> readable = new LinkedHashSet<>(spec.readableDirs());
        programs.forEach(program -> readable.add(program.installPrefix()));
        for (Path dir : readable) {
            // Never show a directory that holds the server's data, even read-only.
            if (!system.covers(dir) && !baseDir.startsWith(dir)) command.addAll(List.of("--ro-bind", dir.toString(), dir.toString()));
        }
        for (Path dir : spec.writableDirs()) command.addAll(List.of("--bind", dir.toString(), dir.toString()));
        command.addAll(List.of("--chdir", spec.workingDir().toString(), "--clearenv"));
        variables(spec, searchPath(Bubblewrap.SANDBOX_PATH, programs), "/tmp")
                .forEach((name, value) -> command.addAll(List.of("--setenv", name, value)));
        command.add("--");
        command.addAll(spec.command());
        return new LaunchPlan(command, Map.of("PATH", Bubblewrap.SANDBOX_PATH), spec.workingDir(), command);
    }

    private LaunchPlan onHost(CommandSpec spec, List<Executable> programs, Path hostTmp) {
        List<String> command = new ArrayList<>();
        setpriv.ifPresent(path -> command.addAll(List.of(path.toString(), "--pdeathsig", "KILL", "--")));
        command.addAll(spec.command());
        String path = Optional.ofNullable(System.getenv("PATH")).orElse(Bubblewrap.SANDBOX_PATH);
        return new LaunchPlan(command, variables(spec, searchPath(path, programs), hostTmp.toString()), spec.workingDir(),
                spec.command());
    }

    private static Map<String, String> variables(CommandSpec spec, String path, String tmp) {
        Map<String, String> variables = new LinkedHashMap<>(spec.environment());
        variables.put("PATH", path);
        variables.putIfAbsent("LANG", LANG);
        variables.put("TMPDIR", tmp);
        return variables;
    }

    /** The base PATH, after the directories of programs that live elsewhere. */
    private static String searchPath(String base, List<Executable> programs) {
        Set<String> dirs = new LinkedHashSet<>();
        for (Executable program : programs) dirs.add(program.path().getParent().toString());
        for (String dir : base.split(":")) if (!dir.isBlank()) dirs.add(dir);
        return String.join(":", dirs);
    }
}
