package io.fissile.runtime.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start an instance's process.
 *
 * @param command the program and its arguments (bwrap's, when sandboxed)
 * @param environment the whole environment of that program
 * @param workingDir its working directory on the host
 * @param runningCommand the command line the process shows once wrappers that exec it are done
 *                       (bubblewrap stays; setpriv does not), to recognise it after a crash of the server
 */
record LaunchPlan(List<String> command, Map<String, String> environment, Path workingDir, List<String> runningCommand) {

    LaunchPlan {
        command = List.copyOf(command);
        runningCommand = List.copyOf(runningCommand);
        environment = Map.copyOf(environment);
    }
}
