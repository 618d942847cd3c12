package io.fissile.environments.jvm.server;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a runtime listens and where it finds code, secrets and config maps: the process
 * variables of the environment contract, with its defaults.
 *
 * @param host         the address to listen on ({@code HOST}, default 127.0.0.1)
 * @param port         the port to listen on ({@code PORT}, default 8888)
 * @param userFuncDir  where packages are placed ({@code USERFUNC_DIR}, default /userfunc)
 * @param secretsDir   secrets as {@code <dir>/<namespace>/<name>/<key>} ({@code SECRETS_DIR}, default /secrets)
 * @param configsDir   config maps, laid out the same ({@code CONFIGS_DIR}, default /configs)
 */
public record RuntimeSettings(String host, int port, Path userFuncDir, Path secretsDir, Path configsDir) {

    /** Reads the settings from process variables such as {@link System#getenv()}. */
    public static RuntimeSettings from(Map<String, String> variables) {
        return new RuntimeSettings(
                variables.getOrDefault("HOST", "127.0.0.1"),
                port(variables.getOrDefault("PORT", "8888")),
                Path.of(variables.getOrDefault("USERFUNC_DIR", "/userfunc")),
                Path.of(variables.getOrDefault("SECRETS_DIR", "/secrets")),
                Path.of(variables.getOrDefault("CONFIGS_DIR", "/configs")));
    }

    /** The code path of a v1 specialization: {@code $USERFUNC_DIR/user}. */
    public Path v1CodePath() {
        return userFuncDir.resolve("user");
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("PORT must be a number from 0 to 65535: " + text);
    }
}
