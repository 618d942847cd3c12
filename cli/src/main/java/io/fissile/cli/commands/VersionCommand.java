package io.fissile.cli.commands;

import io.fissile.api.Codec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** {@code fissile version [--client-only]}: this CLI's version and, when it answers, the server's. */
@Command(name = "version", description = "Show client and server version information")
public final class VersionCommand extends FissileCommand {
    @Option(names = "--client-only", description = "Do not ask the server for its version")
    boolean clientOnly;

    @Override
    protected void run() {
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("client", Map.of("fissile", Map.of("version", clientVersion())));
        if (!clientOnly) {
            try {
                versions.put("server", session().client().version());
            } catch (RuntimeException e) {
                session().warn("the server at " + session().serverUrl() + " did not answer: " + e.getMessage());
            }
        }
        session().out().print(Codec.toYaml(versions));
    }

    /** The version Maven wrote into version.properties when it built this jar. */
    public static String clientVersion() {
        try (InputStream in = VersionCommand.class.getResourceAsStream("/io/fissile/cli/version.properties")) {
            if (in == null) return "unknown";
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
