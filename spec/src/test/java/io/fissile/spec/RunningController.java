package io.fissile.spec;

import io.fissile.client.ControllerClient;
import io.fissile.controller.Controller;
import io.fissile.controller.ControllerOptions;
import io.fissile.store.sqlite.SqliteResourceStore;
import io.fissile.storage.fs.FileArchiveStore;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import picocli.CommandLine;

/**
 * A real controller for each test, over a fresh SQLite file and archive directory, on a free
 * port; with the {@code spec} command wired to it as the CLI wires it.
 */
final class RunningController implements BeforeEachCallback, AfterEachCallback {
    private Path dataDir;
    private Vertx vertx;
    private SqliteResourceStore store;
    private Controller controller;
    private ControllerClient client;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("fissile-spec-test");
        store = SqliteResourceStore.open(dataDir.resolve("fissile.db"));
        FileArchiveStore archives = FileArchiveStore.open(dataDir.resolve("archives"));
        vertx = Vertx.vertx();
        controller = Controller.start(vertx, ControllerOptions.defaults().withPort(0), store, archives).await();
        client = new ControllerClient(URI.create("http://127.0.0.1:" + controller.port()));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        controller.close().await();
        vertx.close().await();
        store.close();
        try (Stream<Path> walk = Files.walk(dataDir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    ControllerClient client() {
        return client;
    }

    /** Runs {@code fissile spec <args>} against this controller. */
    Run spec(String... args) {
        return Run.of(new SpecCommand(() -> client), args);
    }

    /** The exit code and output of one command run. */
    record Run(int exitCode, String out, String err) {
        static Run of(SpecCommand command, String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = new CommandLine(command)
                    .setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true))
                    .execute(args);
            return new Run(code, out.toString(), err.toString());
        }

        /** Both outputs, for assertion messages. */
        String all() {
            return out + err;
        }
    }
}
