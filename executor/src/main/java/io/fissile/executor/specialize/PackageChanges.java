package io.fissile.executor.specialize;

import io.fissile.api.v1.Package;
import io.fissile.store.InformerListener;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Lets a specialization wait for the next change of one package (its build finishing), as the informer reports it. */
final class PackageChanges implements InformerListener<Package> {

    private record Key(String namespace, String name) {
    }

    private final Map<Key, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    /** Completes at the package's next change; ask before looking at it, so that no change is missed. */
    CompletableFuture<Void> next(String namespace, String name) {
        return waiting.computeIfAbsent(new Key(namespace, name), key -> new CompletableFuture<>());
    }

    @Override
    public void onAdd(Package pkg) {
        changed(pkg);
    }

    @Override
    public void onUpdate(Package before, Package now) {
        changed(now);
    }

    @Override
    public void onDelete(Package last) {
        changed(last);
    }

    private void changed(Package pkg) {
        CompletableFuture<Void> future = waiting.remove(new Key(pkg.namespace(), pkg.name()));
        if (future != null) future.complete(null);
    }
}
