package io.fissile.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fissile.kubernetes.leader.LeaderIdentity;
import io.fissile.kubernetes.leader.LeaseElection;

import java.util.function.Supplier;

/**
 * Runs a component on one replica at a time: the replica holding a {@code coordination.k8s.io/v1}
 * Lease. Every replica starts a {@code LeaderOnly} with the same namespace and Lease name; the
 * one elected calls the supplier to start the component, and closes what it returned when it
 * loses the Lease (renewal failed) or is closed. Use it for whatever must not happen twice:
 * timers, watch triggers, canary steps, scaling decisions.
 * <pre>{@code
 * LeaderOnly timers = LeaderOnly.start(client, "fission", "fissile-timers",
 *         () -> TimerTriggers.start(...));
 * ...
 * timers.close(); // stops the component, then releases the Lease: another replica takes over within about a second
 * }</pre>
 * A replica that lost the Lease campaigns again. Needs get, create, update and patch (fabric8
 * renews with a PATCH carrying the resourceVersion) on {@code leases}
 * in the namespace.
 */
public final class LeaderOnly implements AutoCloseable {
    private final LeaseElection election;

    private LeaderOnly(LeaseElection election) {
        this.election = election;
    }

    /**
     * Campaigns with Kubernetes' usual timings (15 s lease, 10 s renew deadline, 2 s retry) under
     * an identity made of the pod name ({@code POD_NAME} or {@code HOSTNAME}) and a random suffix.
     */
    public static LeaderOnly start(KubernetesClient client, String namespace, String leaseName,
                                   Supplier<AutoCloseable> component) {
        return start(client, namespace, leaseName, LeaderIdentity.generate(), LeaseTimings.defaults(), component);
    }

    /** Campaigns under the given identity and timings; returns at once. */
    public static LeaderOnly start(KubernetesClient client, String namespace, String leaseName, String identity,
                                   LeaseTimings timings, Supplier<AutoCloseable> component) {
        LeaseElection election = new LeaseElection(client, namespace, leaseName, identity, timings, component);
        election.start();
        return new LeaderOnly(election);
    }

    /** This replica's name in the Lease's {@code holderIdentity}. */
    public String identity() {
        return election.identity();
    }

    /** Whether this replica leads now. */
    public boolean leading() {
        return election.leading();
    }

    /** Stops the component if it runs, waiting for it, then releases the Lease. */
    @Override
    public void close() {
        election.close();
    }
}
