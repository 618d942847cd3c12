package io.fissile.router;

import io.fissile.api.v1.FunctionReference;
import io.fissile.executor.FunctionUnavailableException;
import io.fissile.executor.TooManyRequestsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the client gets when things go wrong between the router and a real jvm runtime instance. */
class FailureMappingTest {
    @TempDir
    static Path directory;
    static LeasingExecutor executor;
    static RouterHarness router;

    @BeforeAll
    static void start() {
        JvmRuntimeInstance instance = JvmRuntimeInstance.start(ProbeFunction.jar(directory.resolve("fn")), ProbeFunction.CLASS_NAME,
                directory.resolve("instance"));
        executor = new LeasingExecutor(instance);
        router = RouterHarness.start(directory, executor, new RouterOptions().crashReportWaitMillis(2_000));
        router.createFunction("default", "slow", spec -> spec.functionTimeout(1));
        router.createFunction("patient");
        router.route("slow", "/slow", "slow");
        router.route("patient", "/patient", "patient");
        router.awaitStatus("/slow", 200);
        router.awaitStatus("/patient", 200);
    }

    @AfterAll
    static void stop() {
        if (router != null) router.close();
        if (executor != null) executor.close();
    }

    @AfterEach
    void everyLeaseWasHandedBackExactlyOnce() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(executor.leases()).allSatisfy(lease -> assertThat(lease.releases()).hasSize(1)));
    }

    @Test
    void aFunctionPastItsTimeoutGets504NamingItAndTheTimeout() {
        HttpResponse<String> answer = router.get("/slow?action=sleep&ms=10000");

        assertThat(answer.statusCode()).isEqualTo(504);
        assertThat(answer.body()).isEqualTo("function slow did not answer within its timeout of 1s\n");
        assertThat(lastLease().releases()).containsExactly("released");
    }

    @Test
    void aClientThatLeavesMidRequestHandsTheLeaseBack() {
        int before = executor.leases().size();
        try (RawHttp client = new RawHttp(router.port())) {
            client.send("GET /patient?action=sleep&ms=30000 HTTP/1.1", "Host: 127.0.0.1");
            await().atMost(Duration.ofSeconds(10)).until(() -> executor.leases().size() > before);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lastLease().releases()).containsExactly("released"));
    }

    @Test
    void aClientThatLeavesWhileALeaseIsPendingHandsItBackWhenItComes() {
        int before = executor.leases().size();
        executor.delayNext(Duration.ofSeconds(1));
        try (RawHttp client = new RawHttp(router.port())) {
            client.send("GET /patient HTTP/1.1", "Host: 127.0.0.1");
            await().atMost(Duration.ofSeconds(10)).until(() -> executor.leases().size() > before);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lastLease().releases()).containsExactly("released"));
    }

    @Test
    void aFunctionAtItsConcurrencyLimitGets429WithRetryAfter() {
        executor.failNext(new TooManyRequestsException("function patient has no room: 5 requests in flight"));

        HttpResponse<String> answer = router.get("/patient");

        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.body()).isEqualTo("function patient has no room: 5 requests in flight\n");
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void aBrokenFunctionGets500AndAPassingProblem503() {
        executor.failNext(new FunctionUnavailableException("class Main is not in the package", false, null));
        executor.failNext(new FunctionUnavailableException("the package is still building", true, null));

        HttpResponse<String> broken = router.get("/patient");
        HttpResponse<String> passing = router.get("/patient");

        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).isEqualTo("function patient: class Main is not in the package\n");
        assertThat(passing.statusCode()).isEqualTo(503);
        assertThat(passing.body()).isEqualTo("function patient: the package is still building\n");
        assertThat(passing.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void anInstanceThatRefusesTheConnectionIsHandedBackBrokenAndAnotherTried() throws IOException {
        int before = executor.leases().size();
        executor.leaseNext(deadAddress());

        HttpResponse<String> answer = router.get("/patient");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(executor.leases()).hasSize(before + 2);
        assertThat(executor.leases().get(before).releases()).singleElement().asString().startsWith("broken: ");
        await().untilAsserted(() -> assertThat(lastLease().releases()).containsExactly("released"));
    }

    @Test
    void whenNoInstanceCanBeReachedTheClientGets502AfterAFewTries() throws IOException {
        int before = executor.leases().size();
        for (int i = 0; i < RouterOptions.DEFAULT_CONNECT_ATTEMPTS; i++) executor.leaseNext(deadAddress());

        HttpResponse<String> answer = router.get("/patient");

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).startsWith("function patient could not be reached (3 instances tried): ");
        assertThat(executor.leases()).hasSize(before + 3);
        assertThat(executor.leases().subList(before, before + 3))
                .allSatisfy(lease -> assertThat(lease.releases()).singleElement().asString().startsWith("broken: "));
    }

    @Test
    void aCrashingFunctionGets500AtOnceNamingItAndTheReason() {
        JvmRuntimeInstance doomed = JvmRuntimeInstance.start(ProbeFunction.jar(directory.resolve("crash-fn")), ProbeFunction.CLASS_NAME,
                directory.resolve("crash-instance"));
        try (doomed; LeasingExecutor crashing = new LeasingExecutor(doomed);
             RouterHarness crashRouter = RouterHarness.start(directory.resolve("crash-router"), crashing, new RouterOptions())) {
            crashRouter.createFunction("crasher");
            crashRouter.createTrigger("crasher", spec -> spec.relativeUrl("/crash").functionRef(FunctionReference.byName("crasher")));
            crashRouter.awaitStatus("/crash", 200);

            // The function's timeout is 60 s: an answer well before it shows the crash was noticed, not waited out.
            HttpResponse<String> answer = crashRouter.send(crashRouter.request("/crash?action=crash").timeout(Duration.ofSeconds(20)));

            assertThat(answer.statusCode()).isEqualTo(500);
            assertThat(answer.body()).isEqualTo("function crasher crashed: exited with status 3\n");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(crashing.leases().getLast().releases())
                    .singleElement().asString().startsWith("broken: "));
        }
    }

    private static LeasingExecutor.CountingLease lastLease() {
        return executor.leases().getLast();
    }

    /** An address where nothing listens: connecting is refused. */
    private static InetSocketAddress deadAddress() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new InetSocketAddress("127.0.0.1", socket.getLocalPort());
        }
    }
}
