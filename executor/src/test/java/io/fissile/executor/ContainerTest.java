package io.fissile.executor;

import io.fissile.runtime.testing.ZipBuilder;

import io.fissile.api.v1.Container;
import io.fissile.api.v1.ContainerPort;
import io.fissile.api.v1.EnvVar;
import io.fissile.api.v1.ExecutionStrategy;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionPackageRef;
import io.fissile.api.v1.InvokeStrategy;
import io.fissile.api.v1.PackageRef;
import io.fissile.api.v1.PodSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Container functions: the function's own program as dedicated instances, with no environment and no specialization. */
class ContainerTest {

    /** A server of the user's that says which version it is (its first argument) and a variable of the function. */
    private static final byte[] SERVER = new ZipBuilder().file("server.js", """
            const version = process.argv[2];
            require('http').createServer((req, res) => res.end(version + ' says ' + process.env.GREETING))
              .listen(Number(process.env.PORT), process.env.HOST, () => console.log('listening'));
            """).build();

    @TempDir
    Path dir;
    private ExecutorHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = ExecutorHarness.startAllTypes(dir, options -> options.withIdleCheckInterval(Duration.ofMillis(200)));
    }

    @AfterEach
    void stop() {
        if (harness != null) harness.close();
    }

    private Function container(String name, Container container, int minScale, UnaryOperator<Function> tweak) {
        Function function = new Function();
        function.metadata().namespace("default").name(name);
        function.spec().podSpec(PodSpec.of(container.name(name).ports(List.of(ContainerPort.http(8080)))))
                .env(List.of(EnvVar.of("GREETING", "hello")))
                .invokeStrategy(new InvokeStrategy().strategyType(InvokeStrategy.EXECUTION).executionStrategy(
                        new ExecutionStrategy().executorType(ExecutionStrategy.CONTAINER).minScale(minScale).maxScale(2)));
        return harness.create(tweak.apply(function));
    }

    private static UnaryOperator<Function> withPackage(String pkg) {
        return function -> {
            function.spec().packageRef(new FunctionPackageRef().packageRef(new PackageRef().name(pkg)));
            return function;
        };
    }

    @Test
    void theProgramInTheFunctionsPackageServesItsRequestsAndAnUpdateRunsTheNewCommand() throws Exception {
        harness.literalPackage("web", SERVER);
        Function function = container("web", new Container().command(List.of("node", "./server.js")).args(List.of("v1")),
                0, withPackage("web"));

        assertThat(harness.invoke(function, "")).isEqualTo("v1 says hello");
        assertThat(harness.counts("web").executorType()).isEqualTo(ExecutionStrategy.CONTAINER);

        function.spec().podSpec().onlyContainer().args(List.of("v2"));
        Function updated = harness.update(function);
        assertThat(harness.invoke(updated, "")).isEqualTo("v2 says hello");
    }

    @Test
    void aProgramWithoutAPackageRunsFromTheSystemAndMinScaleStartsItBeforeAnyRequest() throws Exception {
        Container inline = new Container().command(List.of("node", "-e",
                "require('http').createServer((q, s) => s.end('inline')).listen(process.argv[1], '127.0.0.1')", "$(PORT)"));

        Function function = container("inline", inline, 1, UnaryOperator.identity());

        await().atMost(Duration.ofSeconds(60)).until(() -> harness.counts("inline").instances() == 1);
        assertThat(harness.invoke(function, "")).isEqualTo("inline");
        assertThat(harness.counts("inline").instances()).isEqualTo(1);
    }

    @Test
    void anImageWithoutACommandCannotRunHereAndSaysSo() throws Exception {
        Function function = container("image-only", new Container().image("ghcr.io/example/web:1"), 0, UnaryOperator.identity());

        assertThat(harness.acquireFailure(function)).isInstanceOf(FunctionUnavailableException.class)
                .hasMessageContaining("names image \"ghcr.io/example/web:1\" but no command");
    }

    @Test
    void aProgramThatCannotStartFailsItsRequestWithItsOutput() throws Exception {
        Function function = container("crashing", new Container().command(List.of("node", "-e",
                "console.error('missing setting DATABASE_URL'); process.exit(2)")), 0, UnaryOperator.identity());

        assertThat(harness.acquireFailure(function)).isInstanceOf(FunctionUnavailableException.class)
                .hasMessageContaining("missing setting DATABASE_URL");
    }
}
