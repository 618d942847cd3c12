package io.fissile.store.sqlite;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Opens a store in a fresh directory for each test and closes it afterwards. */
abstract class StoreTestBase {
    @TempDir
    Path directory;

    SqliteResourceStore store;

    @BeforeEach
    void openStore() {
        store = SqliteResourceStore.open(databaseFile(), options());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** The options a test class runs with; the defaults unless it says otherwise. */
    SqliteStoreOptions options() {
        return SqliteStoreOptions.defaults();
    }

    Path databaseFile() {
        return directory.resolve("store.db");
    }

    void reopen() {
        reopen(options());
    }

    void reopen(SqliteStoreOptions options) {
        store.close();
        store = SqliteResourceStore.open(databaseFile(), options);
    }
}
