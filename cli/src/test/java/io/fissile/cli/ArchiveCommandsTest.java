package io.fissile.cli;

import io.fissile.client.ControllerClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveCommandsTest {
    @RegisterExtension
    static final FissileServer server = new FissileServer();

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(server, dir);
    }

    @Test
    void uploadListGetUrlDownloadDelete() throws IOException {
        Files.write(dir.resolve("app.zip"), "not really a zip, but bytes all the same".getBytes());
        String id = ControllerClient.sha256(dir.resolve("app.zip"));
        String url = server.url() + "/v2/archives/" + id;

        assertThat(cli.ok("archive", "upload", "app.zip")).isEqualTo("File successfully uploaded with ID: " + id + "\nURL: " + url + "\n");

        String table = cli.ok("ar", "list");
        assertThat(table.lines().findFirst().orElseThrow().split(" +")).containsExactly("ID", "SIZE", "CREATED");
        assertThat(table).containsPattern("(?m)^" + id + " 40 +\\S+$");

        assertThat(cli.ok("archive", "get-url", "--id", id)).isEqualTo("URL: " + url + "\n");

        assertThat(cli.ok("archive", "download", "--id", id, "--output", "copy.zip")).isEqualTo("File download complete. File name: copy.zip\n");
        assertThat(dir.resolve("copy.zip")).hasSameBinaryContentAs(dir.resolve("app.zip"));

        assertThat(cli.ok("archive", "delete", "--id", id)).isEqualTo("archive '" + id + "' deleted\n");
        assertThat(server.client().listArchives()).noneMatch(a -> a.id().equals(id));
    }

    @Test
    void uploadAcceptsFissionsNameFlag() throws IOException {
        Files.writeString(dir.resolve("named.bin"), "named");
        assertThat(cli.ok("archive", "upload", "--name", "named.bin")).startsWith("File successfully uploaded with ID: ");
    }

    @Test
    void anArchiveInUseCannotBeDeleted() throws IOException {
        byte[] big = new byte[257 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        Files.write(dir.resolve("big.js"), big);
        cli.ok("pkg", "create", "--name", "holder", "--env", "nodejs", "--code", "big.js");
        String id = ControllerClient.sha256(dir.resolve("big.js"));

        Cli.Run run = cli.run("archive", "delete", "--id", id);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: ").contains("holder");
        assertThat(server.client().listArchives()).anyMatch(a -> a.id().equals(id));
    }

    @Test
    void unknownArchivesAreNotFound() {
        String id = "0".repeat(64);
        Cli.Run delete = cli.run("archive", "delete", "--id", id);
        assertThat(delete.exitCode()).isEqualTo(1);
        assertThat(delete.err()).isEqualTo("Error: archive '" + id + "' not found\n");

        Cli.Run url = cli.run("archive", "get-url", "--id", id);
        assertThat(url.err()).isEqualTo("Error: archive '" + id + "' not found\n");
    }
}
