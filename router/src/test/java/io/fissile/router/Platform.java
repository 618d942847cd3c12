package io.fissile.router;

import io.fissile.api.Kind;
import io.fissile.api.Resource;
import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.ExecutionStrategy;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionPackageRef;
import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.FunctionSpec;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.HTTPTriggerSpec;
import io.fissile.api.v1.InvokeStrategy;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageRef;
import io.fissile.api.v1.Reference;
import io.fissile.api.v1.Runtime;
import io.fissile.executor.ExecutorOptions;
import io.fissile.executor.ExecutorStats;
import io.fissile.executor.PoolManager;
import io.fissile.runtime.local.LocalProcessRuntime;
import io.fissile.runtime.local.LocalRuntimeOptions;
import io.fissile.runtime.logs.FileFunctionLogs;
import io.fissile.storage.fs.FileArchiveStore;
import io.fissile.store.Informer;
import io.fissile.store.sqlite.SqliteResourceStore;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static org.awaitility.Awaitility.await;

/**
 * The router on the real platform, assembled as the server does: a SQLite store feeding informers,
 * a file archive store, the local process runtime with the shipped environments, and the pool
 * manager. Tests write environments, packages, functions and triggers to the store and call the
 * router over HTTP.
 */
final class Platform implements AutoCloseable {
    /** Shared by the tests of this module, so that the runtimes are unpacked once. */
    private static final Path RUNTIME_DIR = Path.of("target", "test-runtime").toAbsolutePath();

    private final SqliteResourceStore store;
    private final Informer<Environment> environments;
    private final Informer<Package> packages;
    private final Informer<Function> functions;
    private final Informer<HTTPTrigger> triggers;
    private final FileFunctionLogs logs;
    private final LocalProcessRuntime runtime;
    private final PoolManager executor;
    private final Vertx vertx;
    private final Router router;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Platform(Path dir, UnaryOperator<ExecutorOptions> executorOptions) throws Exception {
        store = SqliteResourceStore.open(dir.resolve("store.db"));
        environments = Informer.start(store, Kinds.ENVIRONMENT);
        packages = Informer.start(store, Kinds.PACKAGE);
        functions = Informer.start(store, Kinds.FUNCTION);
        triggers = Informer.start(store, Kinds.HTTP_TRIGGER);
        logs = new FileFunctionLogs(dir.resolve("logs"));
        runtime = LocalProcessRuntime.create(LocalRuntimeOptions.defaults(RUNTIME_DIR, logs));
        executor = PoolManager.start(executorOptions.apply(ExecutorOptions.defaults(dir.resolve("executor"))),
                runtime, environments, packages, functions, FileArchiveStore.open(dir.resolve("archives")));
        vertx = Vertx.vertx();
        router = Router.start(new RouterOptions().port(0), triggers, functions, executor).await(60, TimeUnit.SECONDS);
    }

    static Platform start(Path dir, UnaryOperator<ExecutorOptions> executorOptions) {
        try {
            return new Platform(dir, executorOptions);
        } catch (Exception e) {
            throw new IllegalStateException("the platform did not start", e);
        }
    }

    // --- resources

    void environment(String name, String image) {
        Environment environment = new Environment();
        environment.metadata().namespace("default").name(name);
        environment.spec().version(3).poolsize(1).runtime(new Runtime().image(image));
        store.create(environment);
    }

    /** A function with its code in a literal package of the same name. */
    Function function(String name, String environment, byte[] code, String entrypoint, Consumer<FunctionSpec> tweak) {
        Package pkg = new Package();
        pkg.metadata().namespace("default").name(name);
        pkg.spec().deployment(Archive.ofLiteral(code));
        store.create(pkg);
        Function function = new Function();
        function.metadata().namespace("default").name(name);
        function.spec()
                .environment(Reference.to(environment))
                .packageRef(new FunctionPackageRef().packageRef(new PackageRef().name(name)).functionName(entrypoint))
                .invokeStrategy(new InvokeStrategy().strategyType(InvokeStrategy.EXECUTION)
                        .executionStrategy(new ExecutionStrategy().executorType(ExecutionStrategy.POOLMGR)));
        tweak.accept(function.spec());
        return store.create(function);
    }

    HTTPTrigger trigger(String name, Consumer<HTTPTriggerSpec> spec) {
        HTTPTrigger trigger = new HTTPTrigger();
        trigger.metadata().namespace("default").name(name);
        spec.accept(trigger.spec());
        return store.create(trigger);
    }

    /** A GET route from {@code url} to the function of the same name. */
    HTTPTrigger route(String name, String url) {
        return trigger(name, spec -> spec.relativeUrl(url).functionRef(FunctionReference.byName(name)));
    }

    <R extends Resource<?, ?>> R update(R resource) {
        resource.metadata().resourceVersion(null);
        return store.update(resource);
    }

    <R extends Resource<?, ?>> void delete(Kind<R> kind, String name) {
        store.delete(kind, "default", name);
    }

    /** The executor's counts for one function (zeroes when it has none). */
    ExecutorStats.FunctionCounts counts(String function) {
        return executor.stats().function("default", function)
                .orElse(new ExecutorStats.FunctionCounts("default", function, "", "", 0, 0, 0));
    }

    // --- requests

    int port() {
        return router.port();
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + pathAndQuery)).timeout(Duration.ofSeconds(90));
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    /** Waits until the path answers something other than the router's 404 (the route is in), and returns that. */
    HttpResponse<String> awaitRouted(String pathAndQuery) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(pathAndQuery), answer -> !answer.body().startsWith("no function route"));
    }

    @Override
    public void close() {
        try {
            router.close().await(30, TimeUnit.SECONDS);
            vertx.close().await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the router did not stop", e);
        } finally {
            executor.close();
            runtime.close();
            triggers.close();
            functions.close();
            packages.close();
            environments.close();
            store.close();
            logs.close();
            http.close();
        }
    }
}
