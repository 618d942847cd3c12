package io.fissile.runtime.local;

import io.fissile.runtime.ExitReason;
import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceSpec;
import io.fissile.runtime.LogLine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each shipped runtime, started as the executor does: start, place a function, specialize, call, stop. */
class ShippedRuntimesTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(TestFunction.class)
    void servesAFunctionAndLogsItsOutputUnderTheFunction(TestFunction function) throws Exception {
        function.assumeInterpreterInstalled();
        try (RuntimeHarness harness = RuntimeHarness.create(dataDir)) {
            Instance instance = harness.start(InstanceSpec.of("default", "env-" + function.name().toLowerCase(), function.image));
            assertThat(instance.id()).matches(function.name().toLowerCase() + "-[0-9a-f]{6}");
            assertThat(harness.runtime.instances()).contains(instance);

            TestFunction.Package pkg = function.install(instance);
            HttpResponse<String> specialized = InstanceClient.specialize(instance, pkg.filepath(), pkg.functionName());
            assertThat(specialized.statusCode()).as(specialized.body()).isBetween(200, 202);
            instance.assignFunction("shop", "hello-" + function.name().toLowerCase());

            HttpResponse<String> answer = InstanceClient.post(instance, "/", "world");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(function.greeting + ": world");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    harness.logs.tail("shop", "hello-" + function.name().toLowerCase(), 100, null))
                    .extracting(LogLine::text).contains(function.logLine()));

            instance.stop(Duration.ofSeconds(10)).get();
            assertThat(instance.exited()).isDone();
            assertThat(instance.exitReason()).map(ExitReason::kind).contains(ExitReason.Kind.STOPPED);
            assertThat(instance.isAlive()).isFalse();
            assertThat(harness.runtime.instances()).doesNotContain(instance);
            assertThat(Files.exists(instance.userfuncDir())).as("the instance's directory is removed").isFalse();
        }
    }
}
