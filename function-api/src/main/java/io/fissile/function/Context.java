package io.fissile.function;

/**
 * What a function knows about where it runs: its identity, its environment variables, its log,
 * and the secrets and config maps mounted for it.
 */
public interface Context {

    /**
     * The function's name, from the router's {@code X-Fission-Function-Name} header; empty when the
     * request did not come through the router.
     */
    String functionName();

    /**
     * The function's namespace, from the router's {@code X-Fission-Function-Namespace} header;
     * {@code "default"} when the request did not come through the router.
     */
    String namespace();

    /**
     * The value of an environment variable as the function sees it: one of its own variables (the
     * function's {@code spec.env}), else one of the instance's environment; {@code null} when
     * neither has it. In the jvm runtime {@link System#getenv(String)} gives the same answer; this
     * method also lets a test hand a function variables through a context of its own.
     */
    default String env(String name) {
        return System.getenv(name);
    }

    /** Writes one line to the instance's output, where {@code fissile fn logs} finds it. */
    void log(String line);

    /**
     * Reads a key of a secret in the function's namespace, as UTF-8 text. The file is
     * {@code $SECRETS_DIR/<namespace>/<name>/<key>} ({@code /secrets} by default).
     *
     * @throws java.io.UncheckedIOException naming the file when it does not exist or cannot be read
     */
    String secret(String name, String key);

    /**
     * Reads a key of a config map in the function's namespace, as UTF-8 text. The file is
     * {@code $CONFIGS_DIR/<namespace>/<name>/<key>} ({@code /configs} by default).
     *
     * @throws java.io.UncheckedIOException naming the file when it does not exist or cannot be read
     */
    String config(String name, String key);
}
