package io.fissile.environments.binary;

import io.fissile.environments.binary.exec.ExecutableSpecializer;
import io.fissile.environments.jvm.server.RuntimeLauncher;

/**
 * The binary environment's runtime process: a generic server that specializes with an executable
 * and runs it once per request, the request body on its stdin and its stdout as the response.
 * Configured by the environment contract's variables: HOST, PORT, USERFUNC_DIR, SECRETS_DIR and
 * CONFIGS_DIR.
 */
public final class BinaryRuntime {

    private BinaryRuntime() {
    }

    public static void main(String[] args) {
        RuntimeLauncher.run("binary", ExecutableSpecializer::new);
    }
}
