package io.fissile.executor;

import io.fissile.runtime.testing.ZipBuilder;

import io.fissile.api.v1.ConfigMap;
import io.fissile.api.v1.Container;
import io.fissile.api.v1.ContainerPort;
import io.fissile.api.v1.EnvVar;
import io.fissile.api.v1.ExecutionStrategy;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionPackageRef;
import io.fissile.api.v1.FunctionSpec;
import io.fissile.api.v1.InvokeStrategy;
import io.fissile.api.v1.PackageRef;
import io.fissile.api.v1.PodSpec;
import io.fissile.api.v1.Reference;
import io.fissile.api.v1.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A function's {@code spec.env}, secrets and config maps reach its code with every executor type:
 * poolmgr (variables in the specialize call, files written into a warm instance), newdeploy and
 * container (at start); a changed secret reaches a running instance; a missing one is named.
 */
class MountsAndVariablesTest {

    /** Answers its GREETING and what its secret and config map files hold. */
    private static final String READER = """
            const fs = require('fs');
            const read = (dir, path) => { try { return fs.readFileSync(dir + path, 'utf8'); } catch (e) { return e.code; } };
            const answer = () => process.env.GREETING + ' ' + read(process.env.SECRETS_DIR, '/default/db/password')
                + ' ' + read(process.env.CONFIGS_DIR, '/default/settings/mode');
            """;
    private static final byte[] FUNCTION = (READER + "module.exports = async () => ({ status: 200, body: answer() });\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] SERVER = new ZipBuilder().file("server.js", READER
            + "require('http').createServer((q, s) => s.end(answer())).listen(Number(process.env.PORT), process.env.HOST);\n")
            .build();

    @TempDir
    Path dir;
    private ExecutorHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = ExecutorHarness.startAllTypes(dir, UnaryOperator.identity());
        harness.environment("nodejs", TestCode.NODEJS.image, 1);
        harness.literalPackage("reader", FUNCTION);
        harness.literalPackage("server", SERVER);
        harness.create(secret("s3cret"));
        ConfigMap settings = new ConfigMap().data("mode", "fast");
        settings.metadata().namespace("default").name("settings");
        harness.create(settings);
    }

    @AfterEach
    void stop() {
        if (harness != null) harness.close();
    }

    @Test
    void aPoolFunctionGetsItsVariablesSecretsAndConfigMapsAndSeesASecretChange() throws Exception {
        Function function = harness.function("pooled", "nodejs", "reader", "", MountsAndVariablesTest::configured);

        assertThat(harness.invoke(function, "")).isEqualTo("hi s3cret fast");

        Secret rotated = harness.secrets.get("default", "db").orElseThrow();
        rotated.data("password", "rotated".getBytes(StandardCharsets.UTF_8));
        harness.update(rotated);
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.invoke(function, ""), "hi rotated fast"::equals);
    }

    @Test
    void aNewdeployFunctionGetsThemToo() throws Exception {
        Function function = harness.dedicatedFunction("dedicated", "nodejs", "reader", "", 0, 1, MountsAndVariablesTest::configured);

        assertThat(harness.invoke(function, "")).isEqualTo("hi s3cret fast");
    }

    @Test
    void aContainerFunctionFindsThemWhenItsProgramStarts() throws Exception {
        Function function = new Function();
        function.metadata().namespace("default").name("program");
        configured(function.spec())
                .packageRef(new FunctionPackageRef().packageRef(new PackageRef().name("server")))
                .podSpec(PodSpec.of(new Container().name("program").command(List.of("node", "./server.js"))
                        .ports(List.of(ContainerPort.http(8080)))))
                .invokeStrategy(new InvokeStrategy().strategyType(InvokeStrategy.EXECUTION).executionStrategy(
                        new ExecutionStrategy().executorType(ExecutionStrategy.CONTAINER).minScale(0).maxScale(1)));
        function = harness.create(function);

        assertThat(harness.invoke(function, "")).isEqualTo("hi s3cret fast");
    }

    @Test
    void aFunctionNamingAMissingSecretFailsNamingIt() throws Exception {
        Function function = harness.function("orphan", "nodejs", "reader", "",
                spec -> spec.secrets(List.of(Reference.to("nowhere"))));

        assertThat(harness.acquireFailure(function)).isInstanceOf(FunctionUnavailableException.class)
                .hasMessageContaining("names secret \"default/nowhere\", which does not exist");
    }

    private static FunctionSpec configured(FunctionSpec spec) {
        return spec.env(List.of(EnvVar.of("GREETING", "hi")))
                .secrets(List.of(Reference.to("db")))
                .configmaps(List.of(Reference.to("settings")));
    }

    private static Secret secret(String password) {
        Secret secret = new Secret().data("password", password.getBytes(StandardCharsets.UTF_8));
        secret.metadata().namespace("default").name("db");
        return secret;
    }
}
