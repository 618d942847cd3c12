package io.fissile.spec;

import io.fissile.spec.internal.WatchScope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code spec apply --watch}: applies, then watches the spec directory and the source files its
 * archives include, and applies again after each change (once a burst of changes has settled),
 * until {@link #close()} is called or the running thread is interrupted.
 */
public final class SpecWatcher implements AutoCloseable {
    /** How long changes must have stopped before applying, so that an editor's save or a build counts once. */
    public static final Duration DEFAULT_SETTLE_TIME = Duration.ofMillis(300);

    private record Watched(Path dir, int levelsBelow) {
    }

    private final Supplier<SpecSet> applyOnce;
    private final Consumer<String> progress;
    private final Duration settleTime;
    private final WatchService service;
    private final Map<WatchKey, Watched> watched = new HashMap<>();
    private volatile boolean closed;

    /**
     * @param applyOnce  reads the specs, applies them and reports the outcome; returns what it read
     * @param progress   receives a line for each change noticed
     * @param settleTime how long changes must have stopped before applying again
     */
    public SpecWatcher(Supplier<SpecSet> applyOnce, Consumer<String> progress, Duration settleTime) {
        this.applyOnce = applyOnce;
        this.progress = progress;
        this.settleTime = settleTime;
        try {
            this.service = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch files: " + e.getMessage(), e);
        }
    }

    /** Applies, then re-applies on every change until closed or interrupted. */
    public void run() {
        SpecSet specs = applySafely(null);
        try {
            while (!stopped()) {
                watch(WatchScope.of(specs));
                progress.accept("Watching " + specs.specDir() + " and the files its archives include for changes...");
                Set<String> changed = awaitChanges(specs.projectDir());
                if (stopped()) return;
                progress.accept("Noticed a change (" + String.join(", ", changed) + "), applying again...");
                specs = applySafely(specs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // closed from another thread: the watch is over
        }
    }

    /** Stops the watch; a running {@link #run()} returns. */
    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException e) {
            // nothing more can be done with a watch service that fails to close
        }
    }

    private boolean stopped() {
        return closed || Thread.currentThread().isInterrupted();
    }

    /** Applies; a failure that escapes the apply is reported and the previous specs are watched on. */
    private SpecSet applySafely(SpecSet previous) {
        try {
            return applyOnce.get();
        } catch (RuntimeException e) {
            if (previous == null) throw e;
            if (!stopped()) progress.accept("Error: " + e.getMessage());
            return previous;
        }
    }

    /** Waits for a change, then for the changes to settle; returns what changed. */
    private Set<String> awaitChanges(Path projectDir) throws InterruptedException {
        Set<String> changed = new TreeSet<>();
        while (changed.isEmpty()) {
            collect(service.take(), projectDir, changed);
        }
        for (WatchKey key; (key = service.poll(settleTime.toMillis(), TimeUnit.MILLISECONDS)) != null; ) {
            collect(key, projectDir, changed);
        }
        return changed;
    }

    private void collect(WatchKey key, Path projectDir, Set<String> changed) {
        Watched where = watched.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                changed.add("more files than could be told apart");
                continue;
            }
            if (where == null) continue; // a directory dropped from the watch; its last events do not matter
            Path path = where.dir().resolve((Path) event.context());
            if (isEditorScratch(path)) continue;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path) && where.levelsBelow() > 0) {
                registerTree(path, where.levelsBelow() - 1, watched);
            }
            changed.add(path.startsWith(projectDir) ? projectDir.relativize(path).toString() : path.toString());
        }
        key.reset();
    }

    /** Editors' autosave and backup files, which Fission ignores too. */
    private static boolean isEditorScratch(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(".#") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx");
    }

    /** Watches exactly the scope's directories: new ones are added, those no longer in scope dropped. */
    private void watch(WatchScope scope) {
        Map<WatchKey, Watched> now = new HashMap<>();
        scope.directories().forEach((dir, levels) -> registerTree(dir, levels, now));
        watched.keySet().stream().filter(key -> !now.containsKey(key)).forEach(WatchKey::cancel);
        watched.clear();
        watched.putAll(now);
    }

    private void registerTree(Path dir, int levels, Map<WatchKey, Watched> into) {
        try (Stream<Path> dirs = Files.walk(dir, levels)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                int depth = d.equals(dir) ? 0 : dir.relativize(d).getNameCount();
                register(d, levels == WatchScope.ALL_LEVELS ? levels : levels - depth, into);
            }
        } catch (IOException | UncheckedIOException e) {
            progress.accept("cannot watch " + dir + ": " + e.getMessage());
        }
    }

    /** Registers a directory; one registered twice keeps the deeper reach. */
    private void register(Path dir, int levelsBelow, Map<WatchKey, Watched> into) {
        try {
            WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            into.merge(key, new Watched(dir, levelsBelow), (a, b) -> a.levelsBelow() >= b.levelsBelow() ? a : b);
        } catch (IOException e) {
            progress.accept("cannot watch " + dir + ": " + e.getMessage());
        }
    }
}
