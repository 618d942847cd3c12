package io.fissile.runtime.local;

import io.fissile.runtime.InstanceStartException;
import io.fissile.runtime.RuntimeKind;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Finds the programs that run each shipped runtime: node, python3, and the server's own java. */
final class RuntimePrograms {

    private final boolean sandboxed;
    private final Map<RuntimeKind, RuntimeProgram> programs = new ConcurrentHashMap<>();

    RuntimePrograms(boolean sandboxed) {
        this.sandboxed = sandboxed;
    }

    RuntimeProgram forRuntime(InstalledRuntime runtime) {
        return programs.computeIfAbsent(runtime.kind(), kind -> find(runtime));
    }

    private RuntimeProgram find(InstalledRuntime runtime) {
        RuntimeSource source = RuntimeSource.of(runtime.kind());
        return switch (runtime.kind()) {
            case NODEJS -> new NodeProgram(interpreter("node", "nodejs"), source.mainScript());
            case PYTHON -> new PythonProgram(interpreter("python3", "python3"), source.mainScript(),
                    Executable.find("prlimit"));
            case JVM, BINARY -> new JavaProgram(serverJava(), runtime, source.mainClass());
        };
    }

    private Executable interpreter(String name, String debianPackage) {
        Executable found = Executable.find(name).orElseThrow(() -> new InstanceStartException(
                "The runtime needs " + name + ", which is not installed (Debian package " + debianPackage + ")"));
        if (sandboxed && !found.nativeBinary()) {
            throw new InstanceStartException("The runtime needs " + name + " as a program a sandbox can run, but "
                    + found.path() + " is a script (a version manager's shim?); install Debian package " + debianPackage);
        }
        return found;
    }

    /** The same java as the server's: known to be 21 or newer, and it shares the JDK's installed files. */
    private static Executable serverJava() {
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
        return new Executable(java, true);
    }
}
