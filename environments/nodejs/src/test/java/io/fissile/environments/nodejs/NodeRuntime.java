package io.fissile.environments.nodejs;

import io.fissile.environments.testing.Interpreters;
import io.fissile.environments.testing.RuntimeProcess;
import java.nio.file.Path;
import java.util.List;

/** Starts the nodejs runtime as Fissile does: {@code node <dir>/server.js}. */
final class NodeRuntime {
    static final String RESOURCES = "io/fissile/environments/nodejs";

    private NodeRuntime() {}

    static RuntimeProcess start(Path workDir) {
        Interpreters.assumeInstalled("node", "nodejs");
        return RuntimeProcess.start(RESOURCES, "server.js", workDir, List.of("node"));
    }
}
