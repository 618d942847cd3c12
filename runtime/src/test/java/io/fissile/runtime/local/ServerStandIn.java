package io.fissile.runtime.local;

import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceSpec;
import io.fissile.runtime.logs.FileFunctionLogs;

import java.nio.file.Path;

/**
 * A server in a JVM of its own, for tests that kill it: starts one instance, prints its pid, then
 * waits. Arguments: the data directory, the image, and the sandbox mode.
 */
public final class ServerStandIn {

    private ServerStandIn() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        FileFunctionLogs logs = new FileFunctionLogs(dataDir.resolve("logs"));
        LocalProcessRuntime runtime = LocalProcessRuntime.create(LocalRuntimeOptions.defaults(dataDir.resolve("runtime"), logs)
                .withSandbox(LocalRuntimeOptions.SandboxMode.valueOf(args[2])));
        Instance instance = runtime.start(InstanceSpec.of("default", "nodejs", args[1])).get();
        System.out.println("instance-pid " + ((LocalInstance) instance).runtimePid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
