package io.fissile.kubernetes.store;

import io.fissile.store.testing.Samples;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.store.ConflictException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Writers that read, change and write the same object in turn lose nothing: a stale write is refused, never applied. */
class ConcurrentWritersTest extends StoreOnMockTestBase {

    @Test
    void readModifyWriteLoopsFromSeveralThreadsKeepEveryChange() throws Exception {
        store.create(Samples.function("default", "shared"));
        AtomicInteger conflicts = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 5; i++) {
                    while (true) {
                        Function read = store.get(Kinds.FUNCTION, "default", "shared").orElseThrow();
                        read.metadata().label("w" + writer + "-" + i, "done");
                        try {
                            store.update(read);
                            break;
                        } catch (ConflictException e) {
                            conflicts.incrementAndGet();
                        }
                    }
                }
            }));
        }
        for (Thread writer : writers) writer.join();

        Function last = store.get(Kinds.FUNCTION, "default", "shared").orElseThrow();
        assertThat(last.metadata().labels()).hasSize(20).allSatisfy((key, value) -> assertThat(value).isEqualTo("done"));
        // Four writers on one object always collide somewhere; each collision was refused and retried.
        assertThat(conflicts.get()).isPositive();
    }
}
