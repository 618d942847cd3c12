package io.fissile.executor.instances;

import io.fissile.api.v1.Function;
import io.fissile.executor.FunctionUnavailableException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;

/**
 * Every function's current {@link InstanceGroup}, and the retired groups whose instances are still
 * finishing their requests. Looking up a function's current group allocates nothing.
 */
public final class FunctionTable {

    /** Where the requests still waiting on a retired group go: to the function's current version. */
    @FunctionalInterface
    public interface WaiterRedirect {
        void redirect(InstanceGroup from, List<Waiter> waiters);
    }

    private final Map<String, Map<String, InstanceGroup>> current = new ConcurrentHashMap<>();
    private final Set<InstanceGroup> draining = ConcurrentHashMap.newKeySet();
    private final GroupContext context;
    private final WaiterRedirect redirect;

    public FunctionTable(ScheduledExecutorService timer, WaiterRedirect redirect) {
        this.context = new GroupContext(timer, this);
        this.redirect = redirect;
    }

    /** The group now serving the function, or null. */
    public InstanceGroup current(String namespace, String name) {
        Map<String, InstanceGroup> byName = current.get(namespace);
        return byName == null ? null : byName.get(name);
    }

    /**
     * The group serving this version of the function: the current one, or a new one that replaces it
     * (the old one is retired). A caller holding an older copy of the function than the current
     * group's is served by the current group.
     */
    public InstanceGroup groupFor(Function function, InstanceSource source) {
        InstanceGroup replaced;
        InstanceGroup fresh;
        synchronized (this) {
            InstanceGroup group = current(function.namespace(), function.name());
            if (group != null && (group.serves(function)
                    || ResourceVersions.isOlder(function.metadata().resourceVersion(), group.version()))) {
                return group;
            }
            fresh = new InstanceGroup(function, source, context);
            current.computeIfAbsent(function.namespace(), namespace -> new ConcurrentHashMap<>()).put(function.name(), fresh);
            replaced = group;
        }
        if (replaced != null) retireGroup(replaced);
        return fresh;
    }

    /** Retires the function's current group unless it serves {@code version} (or a newer one). */
    public void retireUnlessVersion(String namespace, String name, String version) {
        InstanceGroup group = current(namespace, name);
        if (group != null && !Objects.equals(group.version(), version) && !ResourceVersions.isOlder(version, group.version())) {
            retire(group);
        }
    }

    /** Retires every current group that matches. */
    public void retireWhere(Predicate<InstanceGroup> condition) {
        for (InstanceGroup group : currentGroups()) {
            if (condition.test(group)) retire(group);
        }
    }

    /** Takes the group out of service: new requests get a new group; waiting ones are redirected there. */
    public void retire(InstanceGroup group) {
        if (!unlist(group)) return;
        retireGroup(group);
    }

    /** The function is gone: its instances stop once idle, and its waiting requests fail with {@code reason}. */
    public void remove(String namespace, String name, FunctionUnavailableException reason) {
        InstanceGroup group = current(namespace, name);
        if (group == null || !unlist(group)) return;
        draining.add(group);
        for (Waiter waiter : group.retire()) waiter.future().completeExceptionally(reason);
    }

    /** Stops instances idle for longer than their function allows. */
    public void reapIdle() {
        long now = System.nanoTime();
        for (InstanceGroup group : currentGroups()) group.reapIdle(now, true);
    }

    /** Every group with instances or requests: current ones and retired ones still draining. */
    public List<InstanceGroup> groups() {
        List<InstanceGroup> all = currentGroups();
        all.addAll(draining);
        return all;
    }

    public long coldStarts() {
        return context.coldStarts.sum();
    }

    public long coldStartErrors() {
        return context.coldStartErrors.sum();
    }

    /** Refuses every waiting request and stops every instance; completes when they are gone. */
    public CompletableFuture<Void> close(FunctionUnavailableException reason) {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        List<InstanceGroup> all;
        synchronized (this) {
            all = groups();
            current.clear();
        }
        for (InstanceGroup group : all) stopping.addAll(group.close(reason));
        draining.clear();
        return CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new));
    }

    /** A retired group has no instance left. */
    void drained(InstanceGroup group) {
        draining.remove(group);
    }

    private void retireGroup(InstanceGroup group) {
        draining.add(group);
        List<Waiter> moved = group.retire();
        if (!moved.isEmpty()) redirect.redirect(group, moved);
    }

    private synchronized boolean unlist(InstanceGroup group) {
        Map<String, InstanceGroup> byName = current.get(group.namespace());
        return byName != null && byName.remove(group.name(), group);
    }

    /** The groups now serving their functions (retired ones still draining left out). */
    public List<InstanceGroup> currentGroups() {
        List<InstanceGroup> all = new ArrayList<>();
        for (Map<String, InstanceGroup> byName : current.values()) all.addAll(byName.values());
        return all;
    }
}
