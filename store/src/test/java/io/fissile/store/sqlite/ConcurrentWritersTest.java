package io.fissile.store.sqlite;

import io.fissile.store.testing.Samples;
import io.fissile.api.LabelSelector;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.store.ConflictException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentWritersTest extends StoreTestBase {
    private static final int INCREMENTERS = 4;
    private static final int INCREMENTS = 25;
    private static final int CREATORS = 2;
    private static final int CREATES = 25;
    private static final String COUNT = "example.com/count";

    @Test
    void concurrentReadModifyWriteLosesNoUpdateAndEveryWriteHasItsOwnIncreasingVersion() throws Exception {
        Function counter = Samples.function("default", "counter");
        counter.metadata().annotation(COUNT, "0");
        long start = Long.parseLong(store.create(counter).metadata().resourceVersion());

        List<Future<List<Long>>> writers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(INCREMENTERS + CREATORS + 1)) {
            for (int t = 0; t < INCREMENTERS; t++) {
                writers.add(threads.submit(this::incrementWithRetry));
            }
            for (int t = 0; t < CREATORS; t++) {
                int creator = t;
                writers.add(threads.submit(() -> createMany(creator)));
            }
            Future<Boolean> lists = threads.submit(this::listsOnlyMoveForward);
            List<Long> versions = new ArrayList<>();
            for (Future<List<Long>> writer : writers) {
                List<Long> ofOneThread = writer.get(2, TimeUnit.MINUTES);
                assertThat(ofOneThread).isSorted().doesNotHaveDuplicates();
                versions.addAll(ofOneThread);
            }
            assertThat(lists.get(2, TimeUnit.MINUTES)).isTrue();

            int writes = INCREMENTERS * INCREMENTS + CREATORS * CREATES;
            assertThat(versions).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(start + 1, start + writes).boxed().toList());
        }
        Function stored = store.get(Kinds.FUNCTION, "default", "counter").orElseThrow();
        assertThat(stored.metadata().annotation(COUNT)).isEqualTo(String.valueOf(INCREMENTERS * INCREMENTS));
        assertThat(store.list(Kinds.FUNCTION, "team", LabelSelector.everything()).items()).hasSize(CREATORS * CREATES);
    }

    private List<Long> incrementWithRetry() {
        List<Long> versions = new ArrayList<>();
        for (int i = 0; i < INCREMENTS; i++) {
            while (true) {
                Function read = store.get(Kinds.FUNCTION, "default", "counter").orElseThrow();
                int count = Integer.parseInt(read.metadata().annotation(COUNT));
                read.metadata().annotation(COUNT, String.valueOf(count + 1));
                try {
                    versions.add(Long.parseLong(store.update(read).metadata().resourceVersion()));
                    break;
                } catch (ConflictException lostTheRace) {
                    // Someone else wrote in between: read again and retry, as a controller would.
                }
            }
        }
        return versions;
    }

    private List<Long> createMany(int creator) {
        List<Long> versions = new ArrayList<>();
        for (int i = 0; i < CREATES; i++) {
            Function created = store.create(Samples.function("team", "fn-" + creator + "-" + i));
            versions.add(Long.parseLong(created.metadata().resourceVersion()));
        }
        return versions;
    }

    /** Reads running beside the writes see the store only ever move forward. */
    private boolean listsOnlyMoveForward() {
        long last = 0;
        int total = INCREMENTERS * INCREMENTS + CREATORS * CREATES;
        while (last <= total) {
            long version = Long.parseLong(store.list(Kinds.FUNCTION, null, LabelSelector.everything()).resourceVersion());
            if (version < last) return false;
            last = version;
        }
        return true;
    }
}
