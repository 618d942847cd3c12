package io.fissile.router;

import io.fissile.api.v1.Function;
import io.fissile.executor.FunctionExecutor;
import io.fissile.executor.Lease;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * For the proxy-mechanics tests only: leases one real runtime instance for every function, and
 * counts what the router does with each lease. Tests can script the next acquisitions: a failure,
 * an address where nothing listens, or a delay.
 */
final class LeasingExecutor implements FunctionExecutor {
    private final UpstreamInstance instance;
    private final Queue<Object> script = new ConcurrentLinkedQueue<>();
    private final List<CountingLease> leases = new CopyOnWriteArrayList<>();

    LeasingExecutor(UpstreamInstance instance) {
        this.instance = instance;
    }

    /** The next acquisition fails with this. */
    void failNext(RuntimeException failure) {
        script.add(failure);
    }

    /** The next acquisition leases this address instead of the instance's. */
    void leaseNext(InetSocketAddress address) {
        script.add(address);
    }

    /** The next acquisition completes only after this long, on another thread. */
    void delayNext(Duration delay) {
        script.add(delay);
    }

    List<CountingLease> leases() {
        return leases;
    }

    @Override
    public CompletableFuture<Lease> acquire(Function function) {
        Object next = script.poll();
        if (next instanceof RuntimeException failure) return CompletableFuture.failedFuture(failure);
        InetSocketAddress address = next instanceof InetSocketAddress other ? other : instance.address();
        CompletableFuture<String> ended = next instanceof InetSocketAddress ? new CompletableFuture<>()
                : instance.exited().thenApply(status -> "exited with status " + status);
        CountingLease lease = new CountingLease(address, ended);
        leases.add(lease);
        if (next instanceof Duration delay) {
            return CompletableFuture.supplyAsync(() -> lease, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
        }
        return CompletableFuture.completedFuture(lease);
    }

    @Override
    public void close() {
        instance.close();
    }

    /** A lease that remembers how it was handed back, and how often. */
    static final class CountingLease implements Lease {
        private final InetSocketAddress address;
        private final CompletableFuture<String> ended;
        private final List<String> releases = new CopyOnWriteArrayList<>();

        CountingLease(InetSocketAddress address, CompletableFuture<String> ended) {
            this.address = address;
            this.ended = ended;
        }

        /** "released" or "broken: <cause>" for each call, in order. */
        List<String> releases() {
            return releases;
        }

        InetSocketAddress leasedAddress() {
            return address;
        }

        @Override
        public InetSocketAddress address() {
            return address;
        }

        @Override
        public String instanceId() {
            return "test-" + address.getPort();
        }

        @Override
        public boolean coldStart() {
            return false;
        }

        @Override
        public CompletableFuture<String> instanceEnded() {
            return ended;
        }

        @Override
        public void release() {
            releases.add("released");
        }

        @Override
        public void releaseBroken(Throwable cause) {
            releases.add("broken: " + cause);
        }
    }
}
