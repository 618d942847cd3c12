package io.fissile.server;

import io.fissile.api.LabelSelector;
import io.fissile.api.Kind;
import io.fissile.api.Resource;
import io.fissile.api.v1.ConfigMap;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.KubernetesWatchTrigger;
import io.fissile.api.v1.MessageQueueTrigger;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.Secret;
import io.fissile.api.v1.TimeTrigger;
import io.fissile.builder.BuilderOptions;
import io.fissile.builder.PackageBuilder;
import io.fissile.controller.Controller;
import io.fissile.controller.ControllerOptions;
import io.fissile.executor.ExecutorOptions;
import io.fissile.executor.FunctionExecutors;
import io.fissile.kubernetes.KubernetesRuntimeOptions;
import io.fissile.kubernetes.KubernetesRuntimes;
import io.fissile.kubernetes.KubernetesStoreOptions;
import io.fissile.kubernetes.KubernetesStores;
import io.fissile.kubernetes.KubernetesWatchTriggers;
import io.fissile.kubernetes.LeaderOnly;
import io.fissile.metrics.FissileMetrics;
import io.fissile.router.Router;
import io.fissile.router.RouterOptions;
import io.fissile.runtime.InstanceRuntime;
import io.fissile.runtime.RuntimeCapabilities;
import io.fissile.runtime.local.LocalCommandRunner;
import io.fissile.runtime.local.LocalProcessRuntime;
import io.fissile.runtime.local.LocalRuntimeOptions;
import io.fissile.runtime.logs.FileFunctionLogs;
import io.fissile.server.internal.DataDirectoryLock;
import io.fissile.server.internal.TimersWhileLeading;
import io.fissile.storage.ArchivePruner;
import io.fissile.storage.fs.FileArchiveStore;
import io.fissile.store.Informer;
import io.fissile.store.ResourceStore;
import io.fissile.store.sqlite.SqliteResourceStore;
import io.fissile.triggers.FunctionInvoker;
import io.fissile.triggers.MessageQueueTriggers;
import io.fissile.triggers.TimerTriggers;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The all-in-one server: store, archive storage, function runtime, executor, router and controller
 * API in one process, on one data directory. The router asks the executor for instances directly,
 * in memory: resolving a function costs no network round trip. The router's and the executor's
 * metrics are served together at the controller API's {@code /metrics} (the router's paths belong to
 * functions). Starting returns once every port is bound; closing stops the parts in reverse order.
 */
public final class FissileServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FissileServer.class);
    /** An upload must not be pruned before the package that uses it is created. */
    private static final Duration ARCHIVE_GRACE = Duration.ofHours(1);
    private static final Duration PRUNE_INTERVAL = Duration.ofMinutes(10);

    private final ServerOptions options;
    private final Deque<AutoCloseable> closeInReverse = new ArrayDeque<>();
    private Controller controller;
    private Router router;
    private RuntimeCapabilities capabilities;
    /** Kubernetes mode's client of the cluster; null on one machine. */
    private KubernetesClient kubernetesClient;

    private FissileServer(ServerOptions options) {
        this.options = options;
    }

    public static FissileServer start(ServerOptions options) throws IOException {
        FissileServer server = new FissileServer(options);
        try {
            server.startComponents();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void startComponents() throws IOException {
        closeInReverse.push(DataDirectoryLock.acquire(options.dataDirectory()));

        ResourceStore store = openStore();
        closeInReverse.push(store);
        FileArchiveStore archives = FileArchiveStore.open(options.dataDirectory().resolve("archives"));

        Vertx vertx = Vertx.vertx();
        closeInReverse.push(() -> vertx.close().await());

        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("fissile-scheduler").daemon().factory());
        closeInReverse.push(scheduler::shutdownNow);
        ArchivePruner pruner = new ArchivePruner(archives,
                () -> store.list(Kinds.PACKAGE, null, LabelSelector.everything()).items(), ARCHIVE_GRACE, Clock.systemUTC());
        scheduler.scheduleWithFixedDelay(pruner::pruneOnce, PRUNE_INTERVAL.toMinutes(), PRUNE_INTERVAL.toMinutes(), TimeUnit.MINUTES);

        FileFunctionLogs logs = new FileFunctionLogs(options.dataDirectory().resolve("logs"));
        closeInReverse.push(logs);
        Informer<Environment> environments = informer(store, Kinds.ENVIRONMENT);
        InstanceRuntime runtime = openRuntime(logs, environments);
        closeInReverse.push(runtime);
        capabilities = runtime.capabilities();
        Informer<Package> packages = informer(store, Kinds.PACKAGE);
        Informer<Function> functions = informer(store, Kinds.FUNCTION);
        Informer<HTTPTrigger> triggers = informer(store, Kinds.HTTP_TRIGGER);
        Informer<Secret> secrets = informer(store, Kinds.SECRET);
        Informer<ConfigMap> configMaps = informer(store, Kinds.CONFIG_MAP);

        // Builds run confined as instances are, with a runner of their own (its own cgroups and scratch directory).
        LocalCommandRunner commands = LocalCommandRunner.create(options.dataDirectory().resolve("commands"),
                LocalRuntimeOptions.SandboxMode.AUTO, LocalRuntimeOptions.CgroupMode.AUTO);
        closeInReverse.push(commands);
        closeInReverse.push(PackageBuilder.start(BuilderOptions.defaults(options.dataDirectory().resolve("builder"))
                .withMaxArchiveBytes(options.maxArchiveBytes()), store, packages, environments, archives, commands));

        FunctionExecutors executor = FunctionExecutors.start(ExecutorOptions.defaults(options.dataDirectory().resolve("executor")),
                runtime, environments, packages, functions, archives, secrets, configMaps);
        closeInReverse.push(executor);
        FissileMetrics metrics = new FissileMetrics();
        metrics.bindExecutor(executor.stats());

        router = Router.start(new RouterOptions().host(options.address()).port(options.routerPort())
                        .observer(metrics.routerObserver()),
                triggers, functions, executor).await();
        closeInReverse.push(() -> router.close().await());

        // Time triggers call functions through the router, as Fission's timer does.
        FunctionInvoker invoker = new FunctionInvoker(routerUrl());
        startTimers(store, invoker, metrics);

        // Message queue triggers (Kafka, NATS JetStream, RabbitMQ) too: one consumer per trigger, at least once.
        Informer<MessageQueueTrigger> queueTriggers = informer(store, Kinds.MESSAGE_QUEUE_TRIGGER);
        MessageQueueTriggers messageQueues = MessageQueueTriggers.start(store, queueTriggers, secrets, invoker);
        closeInReverse.push(messageQueues);
        metrics.bindMessageQueueTriggers(messageQueues.stats());

        startWatchTriggers(store, invoker);

        ControllerOptions controllerOptions = ControllerOptions.defaults()
                .withHost(options.address())
                .withPort(options.apiPort())
                .withMaxArchiveBytes(options.maxArchiveBytes())
                .withVersion(Version.current());
        controller = Controller.start(vertx, controllerOptions, store, archives, logs, metrics::scrape).await();
        closeInReverse.push(() -> controller.close().await());
    }

    /** The store: one SQLite file, or in Kubernetes mode the cluster's resources (the client is closed last). */
    private ResourceStore openStore() {
        KubernetesMode mode = options.kubernetes();
        if (mode == null) return SqliteResourceStore.open(options.dataDirectory().resolve("fissile.db"));
        kubernetesClient = mode.connect().get();
        closeInReverse.push(kubernetesClient);
        return KubernetesStores.open(kubernetesClient, KubernetesStoreOptions.sharedClient());
    }

    /** Where instances run: local processes, or in Kubernetes mode pods. */
    private InstanceRuntime openRuntime(FileFunctionLogs logs, Informer<Environment> environments) {
        KubernetesMode mode = options.kubernetes();
        if (mode == null) {
            return LocalProcessRuntime.create(LocalRuntimeOptions.defaults(options.dataDirectory().resolve("runtime"), logs));
        }
        return KubernetesRuntimes.start(KubernetesRuntimeOptions.of(kubernetesClient, mode.controllerUrl())
                .withImages(mode.images()).withStartTimeout(mode.podStartTimeout()), environments);
    }

    /**
     * Time triggers: here at once; in Kubernetes mode on the replica holding the Lease only, so that
     * several replicas do not each fire them (each firing is also recorded before its call, which
     * refuses a time fired already).
     */
    private void startTimers(ResourceStore store, FunctionInvoker invoker, FissileMetrics metrics) {
        Informer<TimeTrigger> timeTriggers = informer(store, Kinds.TIME_TRIGGER);
        if (kubernetesClient == null) {
            TimerTriggers timers = TimerTriggers.start(store, timeTriggers, invoker, Clock.systemUTC());
            closeInReverse.push(timers);
            metrics.bindTimerTriggers(timers.stats());
            return;
        }
        TimersWhileLeading timers = new TimersWhileLeading(
                () -> TimerTriggers.start(store, timeTriggers, invoker, Clock.systemUTC()));
        metrics.bindTimerTriggers(timers);
        closeInReverse.push(LeaderOnly.start(kubernetesClient, options.kubernetes().leaseNamespace(), "fissile-timers",
                timers::start));
    }

    /** Kubernetes mode only: watch triggers (Fission's kubewatcher), on one replica so that each event is delivered once. */
    private void startWatchTriggers(ResourceStore store, FunctionInvoker invoker) {
        if (kubernetesClient == null) return;
        Informer<KubernetesWatchTrigger> watchTriggers = informer(store, Kinds.KUBERNETES_WATCH_TRIGGER);
        KubernetesClient client = kubernetesClient;
        closeInReverse.push(LeaderOnly.start(client, options.kubernetes().leaseNamespace(), "fissile-kubewatcher",
                () -> KubernetesWatchTriggers.start(client, watchTriggers, invoker)));
    }

    private <R extends Resource<?, ?>> Informer<R> informer(ResourceStore store, Kind<R> kind) {
        Informer<R> informer = Informer.start(store, kind);
        closeInReverse.push(informer);
        return informer;
    }

    /** The controller's port (the one chosen when the options asked for 0). */
    public int apiPort() {
        return controller.port();
    }

    /** Where the CLI reaches the controller. */
    public URI apiUrl() {
        return URI.create("http://" + hostForUrl(options.address()) + ":" + apiPort());
    }

    /** The router's port (the one chosen when the options asked for 0). */
    public int routerPort() {
        return router.port();
    }

    /** Where functions answer. */
    public URI routerUrl() {
        return URI.create("http://" + hostForUrl(options.address()) + ":" + routerPort());
    }

    /** Whether functions run sandboxed and limited on this machine, and why not where they do not. */
    public RuntimeCapabilities capabilities() {
        return capabilities;
    }

    public ServerOptions options() {
        return options;
    }

    /** Stops everything started, newest first; a part that fails to stop does not keep the others running. */
    @Override
    public void close() {
        while (!closeInReverse.isEmpty()) {
            try {
                closeInReverse.pop().close();
            } catch (Exception e) {
                log.warn("while stopping: {}", e.toString());
            }
        }
    }

    private static String hostForUrl(String address) {
        if (address.equals("0.0.0.0")) return "127.0.0.1";
        return address.contains(":") ? "[" + address + "]" : address;
    }
}
