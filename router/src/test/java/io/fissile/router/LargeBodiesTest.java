package io.fissile.router;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A gibibyte each way through a router whose heap could not hold a tenth of it: the router runs
 * in its own JVM with {@value #ROUTER_HEAP} of heap and {@value #ROUTER_DIRECT_MEMORY} of direct
 * memory, so a body it buffered would fail the request. The instance makes and checks the bytes.
 */
class LargeBodiesTest {
    private static final String ROUTER_HEAP = "96m";
    private static final String ROUTER_DIRECT_MEMORY = "64m";
    private static final long GIBIBYTE = 1L << 30;
    private static final long HEAP_GROWTH_LIMIT = 64L << 20;
    private static final Pattern HEAP = Pattern.compile("heap (\\d+)");

    @TempDir
    static Path directory;
    static ListeningProcess instance;
    static ListeningProcess router;
    static HttpClient http;

    @BeforeAll
    static void start() {
        instance = PlainInstance.start();
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx" + ROUTER_HEAP, "-XX:MaxDirectMemorySize=" + ROUTER_DIRECT_MEMORY, "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                SmallHeapRouter.class.getName(), directory.toString(), Integer.toString(instance.address().getPort()));
        router = ListeningProcess.start(builder);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        if (http != null) http.close();
        if (router != null) router.close();
        if (instance != null) instance.close();
    }

    @Test
    void aGibibyteUploadAndAGibibyteAnswerPassWithoutTheRouterHoldingThem() throws Exception {
        long heapBefore = routerHeapAfterGc();

        HttpResponse<String> upload = http.send(request("/check")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> PatternBytes.stream(GIBIBYTE)), GIBIBYTE))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<InputStream> download = http.send(request("/bytes?count=" + GIBIBYTE).build(), HttpResponse.BodyHandlers.ofInputStream());
        long downloaded;
        try (InputStream body = download.body()) {
            downloaded = PatternBytes.readChecking(body);
        }

        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(upload.body()).contains("\"bytes\":" + GIBIBYTE, "\"intact\":true", "\"transferEncoding\":null");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(GIBIBYTE);
        assertThat(downloaded).isEqualTo(GIBIBYTE);
        assertThat(routerHeapAfterGc() - heapBefore).isLessThan(HEAP_GROWTH_LIMIT);
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + router.address().getPort() + "/fission-function/big" + path))
                .timeout(Duration.ofSeconds(120));
    }

    /** Asks the router's JVM to collect garbage and say how much heap is still in use. */
    private static long routerHeapAfterGc() {
        int answersBefore = heapAnswers().size();
        router.tell("heap");
        return await().atMost(Duration.ofSeconds(30)).until(LargeBodiesTest::heapAnswers, answers -> answers.size() > answersBefore).getLast();
    }

    private static List<Long> heapAnswers() {
        Matcher answer = HEAP.matcher(router.output());
        List<Long> answers = new ArrayList<>();
        while (answer.find()) answers.add(Long.parseLong(answer.group(1)));
        return answers;
    }
}
