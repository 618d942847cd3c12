package io.fissile.cli;

import io.fissile.client.ControllerClient;
import io.fissile.controller.Controller;
import io.fissile.controller.ControllerOptions;
import io.fissile.runtime.logs.FileFunctionLogs;
import io.fissile.storage.fs.FileArchiveStore;
import io.fissile.store.sqlite.SqliteResourceStore;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real controller for a test class: SQLite store, archive files and function log files in a
 * temporary directory, listening on a free port of 127.0.0.1.
 */
final class FissileServer implements BeforeAllCallback, AfterAllCallback {
    private Path dir;
    private Vertx vertx;
    private SqliteResourceStore store;
    private FileFunctionLogs logs;
    private Controller controller;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("fissile-cli-test");
        store = SqliteResourceStore.open(dir.resolve("store.db"));
        FileArchiveStore archives = FileArchiveStore.open(dir.resolve("archives"));
        logs = new FileFunctionLogs(dir.resolve("logs"));
        vertx = Vertx.vertx();
        controller = Controller.start(vertx, ControllerOptions.defaults().withPort(0), store, archives, logs).await();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (controller != null) controller.close().await();
            if (vertx != null) vertx.close().await();
            if (store != null) store.close();
            if (logs != null) logs.close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    String url() {
        return "http://127.0.0.1:" + controller.port();
    }

    /** The function logs the controller serves; tests append to them as the runtime would. */
    FileFunctionLogs logs() {
        return logs;
    }

    /** A client of the same controller, to look at what the CLI stored and to change it behind the CLI's back. */
    ControllerClient client() {
        return new ControllerClient(URI.create(url()));
    }
}
