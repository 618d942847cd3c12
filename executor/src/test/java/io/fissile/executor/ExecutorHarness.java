package io.fissile.executor;

import io.fissile.api.Kind;
import io.fissile.api.Resource;
import io.fissile.api.v1.Archive;
import io.fissile.api.v1.ConfigMap;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.ExecutionStrategy;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionPackageRef;
import io.fissile.api.v1.FunctionSpec;
import io.fissile.api.v1.InvokeStrategy;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.Secret;
import io.fissile.api.v1.PackageRef;
import io.fissile.api.v1.Reference;
import io.fissile.api.v1.Runtime;
import io.fissile.runtime.local.LocalProcessRuntime;
import io.fissile.runtime.local.LocalRuntimeOptions;
import io.fissile.runtime.logs.FileFunctionLogs;
import io.fissile.storage.fs.FileArchiveStore;
import io.fissile.store.Informer;
import io.fissile.store.sqlite.SqliteResourceStore;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The executor as the server assembles it, on real parts: a SQLite store feeding informers, a file
 * archive store, the local process runtime running the shipped environments, and the pool manager
 * ({@link #start}) or every executor type ({@link #startAllTypes}). Resources are written to the store
 * and used once the executor's informers have them.
 */
final class ExecutorHarness implements AutoCloseable {

    /** Shared by every test in this JVM, so that the runtimes are unpacked (and JVM archives made) once. */
    private static final Path RUNTIME_DIR = Path.of("target", "test-runtime").toAbsolutePath();
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    static final Duration STARTUP = Duration.ofSeconds(90);

    final Path dir;
    final SqliteResourceStore store;
    final Informer<Environment> environments;
    final Informer<Package> packages;
    final Informer<Function> functions;
    final Informer<Secret> secrets;
    final Informer<ConfigMap> configMaps;
    final FileArchiveStore archives;
    final FileFunctionLogs logs;
    final LocalProcessRuntime runtime;
    /** The pool manager, when started by {@link #start}; null otherwise. */
    final PoolManager executor;
    /** Every executor type, when started by {@link #startAllTypes}; null otherwise. */
    final FunctionExecutors executors;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private ExecutorHarness(Path dir, UnaryOperator<ExecutorOptions> options, boolean allTypes) throws IOException {
        this.dir = dir;
        this.store = SqliteResourceStore.open(dir.resolve("store.db"));
        this.environments = Informer.start(store, Kinds.ENVIRONMENT);
        this.packages = Informer.start(store, Kinds.PACKAGE);
        this.functions = Informer.start(store, Kinds.FUNCTION);
        this.secrets = Informer.start(store, Kinds.SECRET);
        this.configMaps = Informer.start(store, Kinds.CONFIG_MAP);
        this.archives = FileArchiveStore.open(dir.resolve("archives"));
        this.logs = new FileFunctionLogs(dir.resolve("logs"));
        this.runtime = LocalProcessRuntime.create(LocalRuntimeOptions.defaults(RUNTIME_DIR, logs));
        ExecutorOptions defaults = ExecutorOptions.defaults(dir.resolve("executor"));
        ExecutorOptions chosen = options.apply(defaults);
        this.executor = allTypes ? null : PoolManager.start(chosen, runtime, environments, packages, functions, archives);
        this.executors = allTypes ? FunctionExecutors.start(chosen, runtime, environments, packages, functions, archives,
                secrets, configMaps) : null;
    }

    static ExecutorHarness start(Path dir) throws IOException {
        return start(dir, UnaryOperator.identity());
    }

    static ExecutorHarness start(Path dir, UnaryOperator<ExecutorOptions> options) throws IOException {
        return new ExecutorHarness(dir, options, false);
    }

    static ExecutorHarness startAllTypes(Path dir, UnaryOperator<ExecutorOptions> options) throws IOException {
        return new ExecutorHarness(dir, options, true);
    }

    /** The executor under test, whichever was started. */
    FunctionExecutor running() {
        return executor != null ? executor : executors;
    }

    ExecutorStats stats() {
        return executor != null ? executor.stats() : executors.stats();
    }

    // ---- resources

    /** A v3 environment with the given pool size. */
    Environment environment(String name, String image, int poolSize) {
        Environment environment = new Environment();
        environment.metadata().namespace("default").name(name);
        environment.spec().version(3).poolsize(poolSize).runtime(new Runtime().image(image));
        return create(environment);
    }

    Package literalPackage(String name, byte[] code) {
        return pkg("default", name, Archive.ofLiteral(code));
    }

    Package pkg(String namespace, String name, Archive deployment) {
        Package pkg = new Package();
        pkg.metadata().namespace(namespace).name(name);
        pkg.spec().deployment(deployment);
        return create(pkg);
    }

    Function function(String name, String environment, String pkg, String entrypoint) {
        return function(name, environment, pkg, entrypoint, spec -> spec);
    }

    /** A newdeploy function between {@code minScale} and {@code maxScale} instances. */
    Function dedicatedFunction(String name, String environment, String pkg, String entrypoint, int minScale, int maxScale,
                               UnaryOperator<FunctionSpec> tweak) {
        return function(name, environment, pkg, entrypoint, spec -> {
            spec.invokeStrategy().executionStrategy().executorType(ExecutionStrategy.NEWDEPLOY).minScale(minScale).maxScale(maxScale);
            return tweak.apply(spec);
        });
    }

    Function function(String name, String environment, String pkg, String entrypoint, UnaryOperator<FunctionSpec> tweak) {
        Function function = new Function();
        function.metadata().namespace("default").name(name);
        FunctionSpec spec = function.spec()
                .environment(Reference.to(environment))
                .packageRef(new FunctionPackageRef().packageRef(new PackageRef().name(pkg)).functionName(entrypoint))
                .invokeStrategy(new InvokeStrategy().strategyType(InvokeStrategy.EXECUTION)
                        .executionStrategy(new ExecutionStrategy().executorType(ExecutionStrategy.POOLMGR)));
        tweak.apply(spec);
        return create(function);
    }

    /** Stores a new resource and waits until the executor's informer has it. */
    <R extends Resource<?, ?>> R create(R resource) {
        R created = store.create(resource);
        awaitSeen(created);
        return created;
    }

    /** Stores a changed resource and waits until the executor's informer has the change. */
    <R extends Resource<?, ?>> R update(R resource) {
        resource.metadata().resourceVersion(null);
        R updated = store.update(resource);
        awaitSeen(updated);
        return updated;
    }

    <R extends Resource<?, ?>> void delete(Kind<R> kind, String name) {
        store.delete(kind, "default", name);
        Informer<?> informer = informerOf(kind.name());
        await().atMost(Duration.ofSeconds(10)).until(() -> informer.get("default", name).isEmpty());
    }

    private void awaitSeen(Resource<?, ?> resource) {
        Informer<?> informer = informerOf(resource.kind());
        String version = resource.metadata().resourceVersion();
        await().atMost(Duration.ofSeconds(10)).until(() -> informer.get(resource.namespace(), resource.name())
                .map(seen -> Objects.equals(seen.metadata().resourceVersion(), version)).orElse(false));
    }

    private Informer<?> informerOf(String kind) {
        return switch (kind) {
            case "Environment" -> environments;
            case "Package" -> packages;
            case "Function" -> functions;
            case "Secret" -> secrets;
            case "ConfigMap" -> configMaps;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    // ---- requests

    Lease acquire(Function function) throws Exception {
        return running().acquire(function).get(STARTUP.toSeconds(), TimeUnit.SECONDS);
    }

    /** The failure of an acquire that must fail. */
    Throwable acquireFailure(Function function) throws Exception {
        try {
            Lease lease = running().acquire(function).get(STARTUP.toSeconds(), TimeUnit.SECONDS);
            lease.release();
            throw new AssertionError("acquire succeeded on instance " + lease.instanceId());
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    HttpResponse<String> post(Lease lease, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + lease.address().getHostString() + ":"
                        + lease.address().getPort() + "/"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** One request as the router sends it: acquire, send, release (broken when the instance could not be reached). */
    String invoke(Function function, String body) throws Exception {
        Lease lease = acquire(function);
        HttpResponse<String> response;
        try {
            response = post(lease, body);
        } catch (IOException e) {
            lease.releaseBroken(e);
            throw e;
        }
        lease.release();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The executor's counts for one function (zeroes when it has none). */
    ExecutorStats.FunctionCounts counts(String function) {
        return stats().function("default", function).orElse(
                new ExecutorStats.FunctionCounts("default", function, "", "", 0, 0, 0));
    }

    @Override
    public void close() {
        try {
            running().close();
            // An instance whose start was cancelled at close is stopped by the runtime as soon as it is up.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(runtime.instances())
                    .as("instances left running after the executor closed").isEmpty());
        } finally {
            runtime.close();
            configMaps.close();
            secrets.close();
            functions.close();
            packages.close();
            environments.close();
            store.close();
            logs.close();
            http.close();
        }
    }
}
