package io.fissile.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class VersionCommandTest {
    @RegisterExtension
    static final FissileServer server = new FissileServer();

    @TempDir
    Path dir;

    @Test
    void printsTheClientAndTheServerVersion() {
        String out = new Cli(server, dir).ok("version");
        assertThat(out).isEqualTo("""
                client:
                  fissile:
                    version: 0.1.0-SNAPSHOT
                server:
                  version: 0.1.0
                  apiVersion: fission.io/v1
                """);
    }

    @Test
    void withoutAServerPrintsTheClientVersionAndWarns() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Cli.Run run = new Cli("http://127.0.0.1:" + closedPort, dir).run("version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("client:\n  fissile:\n    version: 0.1.0-SNAPSHOT\n");
        assertThat(run.err()).startsWith("Warning: the server at http://127.0.0.1:" + closedPort + " did not answer");
    }
}
