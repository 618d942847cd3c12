package io.fissile.controller;

import io.fissile.api.Codec;
import io.fissile.api.WatchEvent;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageStatus;
import io.fissile.client.ApiException;
import io.fissile.client.ControllerClient;
import io.fissile.client.FunctionLogLine;
import io.fissile.runtime.LogLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The client the CLI is built on, against the real server: what it sends must work. */
class ControllerClientTest {
    @RegisterExtension
    final ControllerFixture server = new ControllerFixture();

    @Test
    void resourcesGoThroughTheirWholeLife() {
        ControllerClient client = server.client();

        Environment created = client.create(Codec.readResource(Manifests.environment("nodejs"), Kinds.ENVIRONMENT));
        assertThat(created.metadata().uid()).isNotEmpty();
        assertThat(client.get(Kinds.ENVIRONMENT, "default", "nodejs")).isPresent();

        created.spec().poolsize(1);
        assertThat(client.update(created).spec().poolsize()).isEqualTo(1);
        assertThatThrownBy(() -> client.update(created))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.reason()).isEqualTo("Conflict"));

        assertThat(client.list(Kinds.ENVIRONMENT, null, null).items()).hasSize(1);
        assertThat(client.delete(Kinds.ENVIRONMENT, "default", "nodejs").name()).isEqualTo("nodejs");
        assertThat(client.get(Kinds.ENVIRONMENT, "default", "nodejs")).isEmpty();
    }

    @Test
    void aBuilderWritesThePackageStatus() {
        ControllerClient client = server.client();
        Package pkg = client.create(Codec.readResource(Manifests.packageWithSource("pkg"), Kinds.PACKAGE));
        assertThat(pkg.status().buildstatus()).isEqualTo(PackageStatus.PENDING);

        pkg.status().buildstatus(PackageStatus.SUCCEEDED).buildlog("built");
        Package built = client.updateStatus(pkg);

        assertThat(built.status().buildstatus()).isEqualTo(PackageStatus.SUCCEEDED);
        assertThat(client.get(Kinds.PACKAGE, "default", "pkg").orElseThrow().status().buildlog()).isEqualTo("built");
    }

    @Test
    void invalidObjectsComeBackWithTheirFields() {
        ControllerClient client = server.client();
        Environment noImage = Codec.readResource(Manifests.environment("nodejs"), Kinds.ENVIRONMENT);
        noImage.spec().runtime().image(null);
        noImage.spec().poolsize(-2);

        assertThatThrownBy(() -> client.create(noImage)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.reason()).isEqualTo("Invalid");
            assertThat(e.details()).extracting(d -> d.field()).contains("spec.runtime.image", "spec.poolsize");
        });
    }

    @Test
    void aWatchDeliversEventsToTheClient() throws Exception {
        ControllerClient client = server.client();
        List<WatchEvent<Environment>> events = new CopyOnWriteArrayList<>();
        Thread watcher = Thread.ofVirtual().start(() -> {
            try {
                client.watch(Kinds.ENVIRONMENT, null, null, events::add);
            } catch (RuntimeException ended) {
                // The controller closed under it at the end of the test.
            }
        });

        await().until(() -> server.store().openWatches() == 1);
        client.create(Codec.readResource(Manifests.environment("nodejs"), Kinds.ENVIRONMENT));

        await().until(() -> events.size() == 1);
        assertThat(events.getFirst().type()).isEqualTo(WatchEvent.Type.ADDED);
        assertThat(events.getFirst().object().name()).isEqualTo("nodejs");

        server.controller().close().await();
        watcher.join();
    }

    @Test
    void aFunctionsLogIsReadAndFollowedUntilTheReaderIsInterrupted() throws Exception {
        ControllerClient client = server.client();
        client.create(Codec.readResource(Manifests.function("hello"), Kinds.FUNCTION));
        Instant written = Instant.parse("2025-03-01T10:00:00.123456Z");
        server.logs().append(new LogLine(written, "default", "hello", "nodejs-1a2b3c", "stderr", "first"));
        server.logs().append(new LogLine(written.plusSeconds(1), "default", "hello", "nodejs-1a2b3c", "stdout", "second"));

        assertThat(client.logs("default", "hello", 20, null)).containsExactly(
                new FunctionLogLine(written, "default", "hello", "nodejs-1a2b3c", "stderr", "first"),
                new FunctionLogLine(written.plusSeconds(1), "default", "hello", "nodejs-1a2b3c", "stdout", "second"));
        assertThat(client.logs("default", "hello", 20, written)).extracting(FunctionLogLine::text).containsExactly("second");
        assertThatThrownBy(() -> client.logs("default", "nobody", 20, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.isNotFound()).isTrue());

        List<String> followed = new CopyOnWriteArrayList<>();
        Thread follower = Thread.ofVirtual().start(() -> client.followLogs("default", "hello", 1, null, line -> followed.add(line.text())));
        await().until(() -> followed.equals(List.of("second")));
        server.logs().append(new LogLine(Instant.now(), "default", "hello", "nodejs-1a2b3c", "stdout", "third"));
        await().until(() -> followed.equals(List.of("second", "third")));

        follower.interrupt();
        assertThat(follower.join(Duration.ofSeconds(10))).as("the follow returned").isTrue();
    }

    @Test
    void versionAndHealthAreRead() {
        ControllerClient client = server.client();

        assertThat(client.healthy()).isTrue();
        assertThat(client.version()).containsEntry("apiVersion", "fission.io/v1").containsEntry("version", "0.1.0");
    }
}
