package io.fissile.environments.jvm;

import io.fissile.environments.jvm.loader.JavaFunctionSpecializer;
import io.fissile.environments.jvm.server.RuntimeLauncher;

/**
 * The jvm environment's runtime process: a generic server that specializes with a Java function
 * (a class implementing {@code io.fissile.function.Function}, loaded from its jar in a class loader
 * of its own). Configured by the environment contract's variables: HOST, PORT, USERFUNC_DIR,
 * SECRETS_DIR and CONFIGS_DIR.
 */
public final class JvmRuntime {

    private JvmRuntime() {
    }

    public static void main(String[] args) {
        RuntimeLauncher.run("jvm", JavaFunctionSpecializer::new);
    }
}
