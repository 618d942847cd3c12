package io.fissile.environments.python;

import io.fissile.environments.testing.Interpreters;
import io.fissile.environments.testing.RuntimeProcess;
import java.nio.file.Path;
import java.util.List;

/** Starts the python runtime as Fissile does: {@code python3 <dir>/server.py}. */
final class PythonRuntime {
    static final String RESOURCES = "io/fissile/environments/python";

    private PythonRuntime() {}

    /** With whatever flask python3 finds: a real Flask when installed, else the stand-in. */
    static RuntimeProcess start(Path workDir) {
        Interpreters.assumeInstalled("python3", "python3");
        return RuntimeProcess.start(RESOURCES, "server.py", workDir, List.of("python3"));
    }

    static RuntimeProcess start(Path workDir, FlaskFlavour flavour) {
        Interpreters.assumeInstalled("python3", "python3");
        flavour.assumeAvailable();
        return RuntimeProcess.start(RESOURCES, "server.py", workDir, flavour.interpreter);
    }
}
