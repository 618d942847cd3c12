package io.fissile.kubernetes.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fissile.kubernetes.LeaseTimings;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Campaigns for a Lease without end: fabric8's elector ends its run when leadership is lost, so
 * each ended run is followed by a new one. The component runs while this replica leads. On close
 * the component is stopped first and only then the Lease released, so that the next leader never
 * overlaps with this one.
 */
public final class LeaseElection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeaseElection.class);

    private final KubernetesClient client;
    private final String namespace;
    private final String leaseName;
    private final String identity;
    private final LeaseTimings timings;
    private final ComponentSwitch component;
    private final Executor electorThreads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean leading;
    private volatile boolean closed;
    private CompletableFuture<?> run; // guarded by this

    public LeaseElection(KubernetesClient client, String namespace, String leaseName, String identity,
                         LeaseTimings timings, Supplier<AutoCloseable> component) {
        this.client = client;
        this.namespace = namespace;
        this.leaseName = leaseName;
        this.identity = identity;
        this.timings = timings;
        this.component = new ComponentSwitch(leaseName, component);
    }

    public String identity() {
        return identity;
    }

    /** Whether this replica holds the Lease now, as its elector last saw it. */
    public boolean leading() {
        return leading;
    }

    /** Starts campaigning; returns at once. */
    public synchronized void start() {
        if (closed || run != null) return;
        campaign();
    }

    private synchronized void campaign() {
        if (closed) return;
        LeaderCallbacks callbacks = new LeaderCallbacks(this::startedLeading, this::stoppedLeading,
                leader -> log.info("lease {}/{}: leader is now {}", namespace, leaseName, leader.isEmpty() ? "nobody" : leader));
        LeaderElector elector = new LeaderElector(client, new LeaderElectionConfigBuilder()
                .withName(leaseName)
                .withLock(new LeaseLock(namespace, leaseName, identity))
                .withLeaseDuration(timings.leaseDuration())
                .withRenewDeadline(timings.renewDeadline())
                .withRetryPeriod(timings.retryPeriod())
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(callbacks)
                .build(), electorThreads);
        run = elector.start();
        run.whenComplete((ignored, error) -> {
            leading = false;
            component.turnOff();
            if (closed) return;
            log.info("lease {}/{}: {} campaigns again{}", namespace, leaseName, identity,
                    error == null ? "" : " after " + error);
            // A pause, so that an API server refusing every call is not hammered.
            CompletableFuture.delayedExecutor(timings.retryPeriod().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS,
                    electorThreads).execute(this::campaign);
        });
    }

    private void startedLeading() {
        if (closed) return;
        leading = true;
        component.turnOn();
    }

    private void stoppedLeading() {
        leading = false;
        component.turnOff();
    }

    /** Stops the component (waiting for it), then releases the Lease (cut to one second) so another replica need not wait out the lease. */
    @Override
    public void close() {
        CompletableFuture<?> current;
        synchronized (this) {
            if (closed) return;
            closed = true;
            current = run;
        }
        component.shutDown();
        if (current != null) current.cancel(true); // with releaseOnCancel, the elector gives up the Lease
        leading = false;
    }
}
