package io.fissile.server;

import io.fissile.api.ResourceList;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Kinds;
import io.fissile.client.ControllerClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} of a real server in the middle of a stream of writes loses no write it
 * acknowledged: after a restart, the same list comes back.
 */
class CrashSafetyTest {

    @TempDir
    Path dataDir;

    @Test
    void aServerKilledMidStreamKeepsEveryAcknowledgedWrite() throws Exception {
        // name -> the states it may be in: its acknowledged state, and that of a write in flight when the server died
        Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
        for (int round = 1; round <= 3; round++) {
            ServerProcess server = ServerProcess.start(dataDir);
            try {
                ControllerClient client = server.client();
                assertSurvived(client, acknowledged);
                Set<String> listedBeforeKill = names(client.list(Kinds.ENVIRONMENT, null, null));

                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> writers = new ArrayList<>();
                int base = acknowledged.size();
                for (int w = 0; w < 3; w++) {
                    String prefix = "r" + round + "w" + w + "-";
                    writers.add(Thread.ofVirtual().start(() -> write(client, prefix, acknowledged, stop)));
                }
                // Kill at a different depth each round, while all writers are still going.
                int target = base + 20 * round;
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= target);
                server.kill();
                stop.set(true);
                for (Thread t : writers) t.join(Duration.ofSeconds(30));

                try (ServerProcess restarted = ServerProcess.start(dataDir)) {
                    ControllerClient after = restarted.client();
                    assertSurvived(after, acknowledged);
                    Set<String> listedAfter = names(after.list(Kinds.ENVIRONMENT, null, null));
                    Set<String> mayBeDeleted = acknowledged.entrySet().stream()
                            .filter(e -> e.getValue().contains(GONE)).map(Map.Entry::getKey).collect(Collectors.toSet());
                    assertThat(listedAfter).containsAll(listedBeforeKill.stream()
                            .filter(n -> !mayBeDeleted.contains(n)).toList());
                }
            } finally {
                server.kill();
            }
        }
    }

    private static final String GONE = "gone";

    /**
     * Creates environments, updates some and deletes some. Before each update or delete the name may
     * be in either state; once acknowledged, only the new one.
     */
    private static void write(ControllerClient client, String prefix, Map<String, Set<String>> acknowledged, AtomicBoolean stop) {
        for (int i = 0; !stop.get(); i++) {
            String name = prefix + i;
            try {
                Environment env = Kinds.ENVIRONMENT.create("default", name);
                env.spec().version(3).poolsize(1).runtime(new io.fissile.api.v1.Runtime().image("fission/node-env"));
                client.create(env);
                acknowledged.put(name, Set.of("1"));
                if (i % 3 == 1) {
                    Environment stored = client.get(Kinds.ENVIRONMENT, "default", name).orElseThrow();
                    stored.spec().poolsize(7);
                    acknowledged.put(name, Set.of("1", "7"));
                    client.update(stored);
                    acknowledged.put(name, Set.of("7"));
                }
                if (i % 5 == 4) {
                    Set<String> before = acknowledged.get(name);
                    acknowledged.put(name, Set.of(before.iterator().next(), GONE));
                    client.delete(Kinds.ENVIRONMENT, "default", name);
                    acknowledged.put(name, Set.of(GONE));
                }
            } catch (RuntimeException e) {
                return; // the server is gone; what was not acknowledged may or may not be there
            }
        }
    }

    private static void assertSurvived(ControllerClient client, Map<String, Set<String>> acknowledged) {
        Map<String, Environment> stored = client.list(Kinds.ENVIRONMENT, null, null).items().stream()
                .collect(Collectors.toMap(Environment::name, e -> e));
        acknowledged.forEach((name, states) -> {
            Environment env = stored.get(name);
            String state = env == null ? GONE : String.valueOf(env.spec().poolsize());
            assertThat(states).as("state of " + name).contains(state);
        });
    }

    private static Set<String> names(ResourceList<Environment> list) {
        return list.items().stream().map(Environment::name).collect(Collectors.toSet());
    }
}
