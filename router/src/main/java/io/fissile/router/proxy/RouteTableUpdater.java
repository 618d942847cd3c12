package io.fissile.router.proxy;

import io.fissile.api.Resource;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.router.routes.RouteTable;
import io.fissile.router.routes.RouteTableBuild;
import io.fissile.router.routes.RouteTableBuilder;
import io.fissile.store.Informer;
import io.fissile.store.InformerListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the route table in step with the HTTPTrigger and Function informers. Any change asks for
 * a rebuild on a thread of its own, a moment later; changes that arrive meanwhile share it, so a
 * burst (the first listing, a spec apply) costs one or two builds, not one per object, and a trigger
 * whose function is created with it is not built, and reported, before the function's own event
 * arrives on the other informer. Each build replaces the table in one volatile write: requests
 * never wait for it.
 */
final class RouteTableUpdater {
    private static final Logger log = LoggerFactory.getLogger(RouteTableUpdater.class);

    private final Informer<HTTPTrigger> triggers;
    private final Informer<Function> functions;
    /** How long a change waits for the ones that come with it. */
    private static final long SETTLE_MILLIS = 20;

    private final ScheduledExecutorService builder = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .name("fissile-router-routes").daemon(true).factory());
    private final AtomicBoolean rebuildPending = new AtomicBoolean();
    private final InformerListener<HTTPTrigger> triggerListener = changes();
    private final InformerListener<Function> functionListener = changes();
    private volatile RouteTable table = RouteTable.EMPTY;
    private Set<String> reportedProblems = Set.of();

    RouteTableUpdater(Informer<HTTPTrigger> triggers, Informer<Function> functions) {
        this.triggers = triggers;
        this.functions = functions;
    }

    /** Starts listening; the future completes once a table holding everything known so far is in place. */
    CompletableFuture<Void> start() {
        triggers.addListener(triggerListener);
        functions.addListener(functionListener);
        return CompletableFuture.runAsync(this::rebuild, builder);
    }

    RouteTable table() {
        return table;
    }

    void stop() {
        triggers.removeListener(triggerListener);
        functions.removeListener(functionListener);
        builder.shutdownNow();
    }

    private <R extends Resource<?, ?>> InformerListener<R> changes() {
        return new InformerListener<>() {
            @Override
            public void onAdd(R object) {
                changed();
            }

            @Override
            public void onUpdate(R before, R now) {
                changed();
            }

            @Override
            public void onDelete(R last) {
                changed();
            }
        };
    }

    private void changed() {
        if (rebuildPending.compareAndSet(false, true)) {
            try {
                builder.schedule(() -> {
                    rebuildPending.set(false); // changes from now on ask for another build
                    rebuild();
                }, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RuntimeException stopped) {
                rebuildPending.set(false);
            }
        }
    }

    private void rebuild() {
        try {
            RouteTableBuild build = RouteTableBuilder.build(triggers.list(), functions.list());
            table = build.table();
            report(build);
        } catch (RuntimeException e) {
            log.error("could not rebuild the route table; the previous one stays in use", e);
        }
    }

    /** Logs each problem once, not again at every rebuild while it lasts. */
    private void report(RouteTableBuild build) {
        Set<String> now = new HashSet<>(build.problems());
        for (String problem : build.problems()) {
            if (!reportedProblems.contains(problem)) log.warn("{}", problem);
        }
        reportedProblems = now;
        log.debug("route table rebuilt: {} routes", build.table().size());
    }
}
