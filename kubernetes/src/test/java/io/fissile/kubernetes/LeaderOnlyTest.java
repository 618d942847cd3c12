package io.fissile.kubernetes;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two replicas campaigning for one Lease on fabric8's mock API server (CRUD mode). */
class LeaderOnlyTest {
    // Quick retries keep the test short; a long renew deadline keeps a busy machine from losing the lease by accident.
    private static final LeaseTimings FAST = new LeaseTimings(Duration.ofSeconds(10), Duration.ofSeconds(8), Duration.ofMillis(250));
    private static final Duration WAIT = Duration.ofSeconds(20);

    MockCluster cluster;
    KubernetesClient replicaA;
    KubernetesClient replicaB;
    /** How many components run at this moment, across both replicas, and the most ever seen. */
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        cluster = new MockCluster();
        replicaA = cluster.newClient();
        replicaB = cluster.newClient();
    }

    @AfterEach
    void stop() {
        replicaA.close();
        replicaB.close();
        cluster.close();
    }

    @Test
    void onlyTheLeaderRunsTheComponentAndTheOtherTakesOverWhenItStops() throws Exception {
        LeaderOnly a = LeaderOnly.start(replicaA, "fission", "fissile-timers", "replica-a", FAST, () -> component("a"));
        LeaderOnly b = LeaderOnly.start(replicaB, "fission", "fissile-timers", "replica-b", FAST, () -> component("b"));
        try {
            await().atMost(WAIT).until(() -> running.get() == 1);
            // Several renewal rounds later, still exactly one.
            Thread.sleep(1500);
            assertThat(running.get()).isEqualTo(1);
            assertThat(a.leading()).isNotEqualTo(b.leading());
            LeaderOnly leader = a.leading() ? a : b;
            LeaderOnly follower = a.leading() ? b : a;
            assertThat(holder()).isEqualTo(leader.identity());
            String leaderName = leader == a ? "a" : "b";
            String followerName = leader == a ? "b" : "a";
            assertThat(log).containsExactly("start " + leaderName);

            leader.close();

            // The Lease is released on close (cut to one second), so the other replica need not wait out the lease.
            await().atMost(WAIT).until(follower::leading);
            await().atMost(WAIT).until(() -> log.size() == 3);
            assertThat(log).containsExactly("start " + leaderName, "stop " + leaderName, "start " + followerName);
            assertThat(holder()).isEqualTo(follower.identity());
        } finally {
            a.close();
            b.close();
        }
        assertThat(running.get()).isZero();
        assertThat(mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void aLeaderThatFindsTheLeaseTakenStopsItsComponent() throws Exception {
        LeaderOnly a = LeaderOnly.start(replicaA, "fission", "fissile-canary", "replica-a", FAST, () -> component("a"));
        try {
            await().atMost(WAIT).until(() -> running.get() == 1);

            // Another holder takes the Lease for a long time (as a replica on the other side of a partition would after expiry).
            // The edit carries the version it read, so it may lose to a renewal (409) and is tried again.
            await().atMost(WAIT).ignoreExceptions().until(() -> {
                cluster.client().leases().inNamespace("fission").withName("fissile-canary").edit(l -> new LeaseBuilder(l)
                        .editSpec().withHolderIdentity("intruder").withLeaseDurationSeconds(3600)
                        .withRenewTime(ZonedDateTime.now()).endSpec().build());
                return true;
            });

            await().atMost(WAIT).until(() -> running.get() == 0);
            assertThat(a.leading()).isFalse();
            assertThat(log).containsExactly("start a", "stop a");
            assertThat(holder()).isEqualTo("intruder");
        } finally {
            a.close();
        }
    }

    private AutoCloseable component(String replica) {
        log.add("start " + replica);
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        return () -> {
            running.decrementAndGet();
            log.add("stop " + replica);
        };
    }

    private String holder() {
        Lease lease = cluster.client().leases().inNamespace("fission").withName(leaseName()).get();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }

    private String leaseName() {
        return cluster.client().leases().inNamespace("fission").list().getItems().getFirst().getMetadata().getName();
    }
}
