package io.fissile.cli.commands;

import io.fissile.cli.CliContext;
import io.fissile.client.ControllerClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What one command run works with: the controller client, the router's address, the namespace, the
 * output streams and the directory relative paths are resolved in.
 */
public final class Session {
    public static final String DEFAULT_NAMESPACE = "default";

    private final CliContext context;
    private final Supplier<String> serverUrl;
    private final Supplier<String> routerUrl;
    private final String namespace;
    private final int verbosity;
    private final PrintWriter out;
    private final PrintWriter err;
    private ControllerClient client;

    /** The URLs are asked for on first use: through Kubernetes, finding them opens a port-forward. */
    Session(CliContext context, Supplier<String> serverUrl, Supplier<String> routerUrl, String namespace, int verbosity,
            PrintWriter out, PrintWriter err) {
        this.context = context;
        this.serverUrl = serverUrl;
        this.routerUrl = routerUrl;
        this.namespace = namespace == null || namespace.isBlank() ? null : namespace;
        this.verbosity = verbosity;
        this.out = out;
        this.err = err;
    }

    /** The controller client, made on first use so that commands working offline never need one. */
    public ControllerClient client() {
        if (client == null) {
            client = new ControllerClient(httpUri(serverUrl.get(), "the controller with --server URL or " + RootCommand.SERVER_ENV));
        }
        return client;
    }

    public String serverUrl() {
        return serverUrl.get();
    }

    /** The router's address, as {@code --router} or {@code FISSILE_ROUTER_URL} give it. */
    public URI router() {
        return httpUri(routerUrl.get(), "the router with --router URL or " + RootCommand.ROUTER_ENV);
    }

    public String routerUrl() {
        return routerUrl.get();
    }

    /** The namespace given with -n, else {@value #DEFAULT_NAMESPACE}. */
    public String namespace() {
        return namespace == null ? DEFAULT_NAMESPACE : namespace;
    }

    /** The namespace given with -n, or null: spec files leave it out so they apply to any namespace. */
    public String explicitNamespace() {
        return namespace;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** A path given on the command line, resolved against the working directory. */
    public Path path(String given) {
        return context.workingDirectory().resolve(given).normalize();
    }

    public Path workingDirectory() {
        return context.workingDirectory();
    }

    /** Something the user should know but that does not stop the command (hidden at verbosity 0). */
    public void warn(String message) {
        if (verbosity >= 1) err.println("Warning: " + message);
    }

    /** A detail for verbose runs ({@code -v 2}). */
    public void verbose(String message) {
        if (verbosity >= 2) err.println(message);
    }

    /** Writes bytes to standard output as they are, at once, after any text already printed. */
    public void writeRaw(byte[] bytes) {
        out.flush();
        try {
            context.stdout().write(bytes);
            context.stdout().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to standard output: " + e.getMessage(), e);
        }
    }

    /** Copies bytes to standard output as they are, after any text already printed. */
    public void writeRaw(InputStream bytes) {
        out.flush();
        try {
            bytes.transferTo(context.stdout());
            context.stdout().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to standard output: " + e.getMessage(), e);
        }
    }

    /** A URL given by the user, or an error saying how to set it right ({@code setting}: "the router with --router URL or ..."). */
    private static URI httpUri(String url, String setting) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new CliException("\"" + url + "\" is not a URL; set " + setting);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new CliException("\"" + url + "\" is not an http:// URL; set " + setting);
        }
        return uri;
    }
}
