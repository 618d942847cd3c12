package io.fissile.runtime.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** How instances are isolated from the server and from each other: a bubblewrap sandbox, or not at all. */
interface Confinement {

    boolean sandboxed();

    /** Prepares the instance's directory and says which paths its code sees. */
    InstanceView prepare(LaunchRequest request) throws IOException;

    /**
     * The command and environment that run {@code program} confined.
     *
     * @param hostPaths what the program needs to see besides the system directories (its interpreter's install prefix)
     */
    LaunchPlan plan(LaunchRequest request, InstanceView view, List<String> program, List<Path> hostPaths);
}
