package io.fissile.executor.instances;

import io.fissile.executor.Lease;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/** Room for one request on a {@link FunctionInstance}; released exactly once, whatever the caller does. */
final class InstanceLease implements Lease {

    private static final VarHandle RELEASED;

    static {
        try {
            RELEASED = MethodHandles.lookup().findVarHandle(InstanceLease.class, "released", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final FunctionInstance target;
    private final InstanceGroup group;
    private final boolean coldStart;
    @SuppressWarnings("unused") // through RELEASED
    private volatile boolean released;
    /** Made only when the holder asks, so that a request that never asks allocates nothing for it. */
    private volatile CompletableFuture<String> endNotice;

    InstanceLease(FunctionInstance target, InstanceGroup group, boolean coldStart) {
        this.target = target;
        this.group = group;
        this.coldStart = coldStart;
    }

    @Override
    public InetSocketAddress address() {
        return target.instance().address();
    }

    @Override
    public String instanceId() {
        return target.instance().id();
    }

    @Override
    public boolean coldStart() {
        return coldStart;
    }

    @Override
    public CompletableFuture<String> instanceEnded() {
        CompletableFuture<String> notice = endNoticeFuture();
        if (!released) {
            target.listen(this);
            if (released) target.forget(this); // released meanwhile: the end no longer concerns this lease
        }
        return notice;
    }

    synchronized CompletableFuture<String> endNoticeFuture() {
        if (endNotice == null) endNotice = new CompletableFuture<>();
        return endNotice;
    }

    @Override
    public void release() {
        if (RELEASED.compareAndSet(this, false, true)) {
            if (endNotice != null) target.forget(this);
            group.released(target);
        }
    }

    @Override
    public void releaseBroken(Throwable cause) {
        if (RELEASED.compareAndSet(this, false, true)) {
            if (endNotice != null) target.forget(this);
            group.releasedBroken(target, cause);
        }
    }

    /** The waiter this room was meant for had gone: the room goes back unused. */
    void abandon() {
        if (RELEASED.compareAndSet(this, false, true)) group.abandoned(target);
    }
}
