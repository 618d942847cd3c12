package io.fissile.executor.core;

import io.fissile.api.v1.Package;
import io.fissile.executor.fetch.PackageCache;
import io.fissile.executor.instances.FunctionTable;
import io.fissile.store.InformerListener;

/**
 * Instances running an older version of a changed package are retired (new requests get the new
 * code) and its older cached files removed; a package that appears lets functions that failed for
 * want of it try again at once.
 */
final class PackageListener implements InformerListener<Package> {

    private final FunctionTable table;
    private final PackageCache cache;

    PackageListener(FunctionTable table, PackageCache cache) {
        this.table = table;
        this.cache = cache;
    }

    @Override
    public void onAdd(Package pkg) {
        table.retireWhere(group -> group.usesPackage(pkg.namespace(), pkg.name()) && group.instanceCount() == 0);
    }

    @Override
    public void onUpdate(Package before, Package now) {
        String version = now.metadata().resourceVersion();
        table.retireWhere(group -> group.usesPackage(now.namespace(), now.name()) && group.packageChanged(version));
        cache.keepOnly(now);
    }

    @Override
    public void onDelete(Package last) {
        cache.forget(last.namespace(), last.name());
    }
}
