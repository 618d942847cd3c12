package io.fissile.triggers.timer;

import com.sun.net.httpserver.HttpServer;
import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.TimeTrigger;
import io.fissile.store.Informer;
import io.fissile.store.ResourceStore;
import io.fissile.store.sqlite.SqliteResourceStore;
import io.fissile.triggers.FunctionInvoker;
import io.fissile.triggers.TimerTriggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Timers in real time, fed by an informer on a real store, calling a real HTTP server where the
 * router would be: what a call carries, and that creating, changing and deleting a trigger, and
 * stopping and starting the timers, take effect at once.
 */
class TimerTriggersTest {
    /** One request as the router received it. */
    record Received(String method, String path, String timer, Instant scheduled) {
    }

    @TempDir
    Path dir;

    ResourceStore store;
    Informer<TimeTrigger> informer;
    HttpServer router;
    final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        store = SqliteResourceStore.open(dir.resolve("fissile.db"));
        informer = Informer.start(store, Kinds.TIME_TRIGGER);
        router = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        router.createContext("/", exchange -> {
            String scheduled = exchange.getRequestHeaders().getFirst(FiringCaller.SCHEDULED_TIME_HEADER);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst(FiringCaller.TIMER_NAME_HEADER), Instant.parse(scheduled)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        router.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        router.start();
    }

    @AfterEach
    void stop() {
        router.stop(0);
        informer.close();
        store.close();
    }

    @Test
    void callsCarryTheTriggersMethodSubpathAndNameAndChangesTakeEffectAtOnce() {
        try (TimerTriggers timers = TimerTriggers.start(store, informer, invoker(), Clock.systemUTC())) {
            TimeTrigger trigger = Kinds.TIME_TRIGGER.create("default", "ticker");
            trigger.spec().cron("* * * * * *").functionRef(FunctionReference.byName("first")).method("GET").subpath("/tick");
            store.create(trigger);

            Received call = await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().findFirst(), o -> o.isPresent()).get();
            assertThat(call.method()).isEqualTo("GET");
            assertThat(call.path()).isEqualTo("/fission-function/first/tick");
            assertThat(call.timer()).isEqualTo("ticker");

            TimeTrigger changed = store.get(Kinds.TIME_TRIGGER, "default", "ticker").orElseThrow();
            changed.spec().functionRef(FunctionReference.byName("second")).method(null).subpath(null);
            store.update(changed);
            await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(r -> r.path().equals("/fission-function/second")));
            assertThat(received.getLast().method()).as("the default method").isEqualTo("POST");

            store.delete(Kinds.TIME_TRIGGER, "default", "ticker");
            int afterDelete = settledCount();
            sleep(2_500);
            assertThat(received).hasSize(afterDelete);
            assertThat(timers.stats().firings()).isEqualTo(afterDelete);
            assertThat(timers.stats().failures()).isZero();
        }
        assertThat(received).extracting(Received::scheduled).doesNotHaveDuplicates();
    }

    @Test
    void timersStoppedAndStartedAgainGoOnWithoutRepeatingAScheduledTime() {
        TimeTrigger trigger = Kinds.TIME_TRIGGER.create("default", "ticker");
        trigger.spec().cron("@every 1s").functionRef(FunctionReference.byName("fn"));
        store.create(trigger);

        try (TimerTriggers timers = TimerTriggers.start(store, informer, invoker(), Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
        }
        int whileStopped = settledCount();
        sleep(1_500);
        assertThat(received).as("no calls while stopped").hasSize(whileStopped);

        try (TimerTriggers again = TimerTriggers.start(store, informer, invoker(), Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= whileStopped + 2);
            assertThat(again.stats().skipped()).as("the second missed while stopped").isPositive();
        }
        settledCount();
        assertThat(received).extracting(Received::scheduled).doesNotHaveDuplicates();
    }

    FunctionInvoker invoker() {
        return new FunctionInvoker(URI.create("http://127.0.0.1:" + router.getAddress().getPort()));
    }

    /** The number of calls once those under way have arrived. */
    int settledCount() {
        sleep(500);
        return received.size();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
