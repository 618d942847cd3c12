package io.fissile.runtime.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * What a previous run of the server left behind when it was killed: instance directories, and
 * processes named by their process records that still run the recorded command. Both are removed
 * before the runtime starts anything, so a server killed with -9 leaves nothing running after a restart.
 */
final class LeftoverInstances {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverInstances.class);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private LeftoverInstances() {
    }

    static void removeAll(Path instancesDir) throws IOException {
        if (!Files.isDirectory(instancesDir)) return;
        List<Path> leftovers;
        try (Stream<Path> entries = Files.list(instancesDir)) {
            leftovers = entries.toList();
        }
        for (Path dir : leftovers) {
            InstanceDirectory instance = new InstanceDirectory(dir);
            instance.processRecord().liveProcess().ifPresent(process -> kill(instance.id(), process));
            instance.delete();
        }
        if (!leftovers.isEmpty()) LOG.info("Removed {} instance directories left by a previous run", leftovers.size());
    }

    private static void kill(String id, ProcessHandle process) {
        LOG.warn("Killing process {} of instance {}, left running by a previous run of the server", process.pid(), id);
        ProcessTree.killTree(process);
        try {
            process.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Process {} of leftover instance {} did not end within {}", process.pid(), id, KILL_WAIT);
        }
    }
}
