package io.fissile.server;

import io.fissile.client.ControllerClient;
import io.fissile.client.FunctionLogLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Functions in all four shipped environments, deployed with the CLI and called over HTTP through the
 * router of a real server process, as the README's quick start does.
 */
class FunctionsEndToEndTest {
    @TempDir
    static Path dataDir;
    @TempDir
    static Path work;

    static ServerProcess server;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startServerWithEnvironments() throws Exception {
        server = ServerProcess.start(dataDir);
        for (String[] env : new String[][]{{"nodejs", "fission/node-env"}, {"python", "fission/python-env"},
                {"jvm", "fission/jvm-env"}, {"binary", "fission/binary-env"}}) {
            // One warm instance each keeps four runtimes light on a small machine.
            fissileOk("env", "create", "--name", env[0], "--image", env[1], "--poolsize", "1");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void helloInEveryLanguage() throws Exception {
        fissileOk("fn", "create", "--name", "hello-nodejs", "--env", "nodejs", "--code", resource("hello.js").toString());
        fissileOk("fn", "create", "--name", "hello-python", "--env", "python", "--code", resource("hello.py").toString(),
                "--entrypoint", "main");
        fissileOk("fn", "create", "--name", "hello-jvm", "--env", "jvm", "--code", javaFunctionJar("Hello").toString(),
                "--entrypoint", "Hello");
        fissileOk("fn", "create", "--name", "hello-binary", "--env", "binary", "--code", resource("hello.sh").toString());
        for (String language : List.of("nodejs", "python", "jvm", "binary")) {
            fissileOk("route", "create", "--name", "hello-" + language, "--url", "/hello/" + language,
                    "--function", "hello-" + language);
        }

        for (String language : List.of("nodejs", "python", "jvm", "binary")) {
            HttpResponse<String> response = routed("/hello/" + language);
            assertThat(response.statusCode()).as(language + ": " + response.body()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("hello from " + language + "\n");
        }
    }

    @Test
    void theRequestReachesTheFunctionWithItsQueryHeadersBodyAndPathParameters() throws Exception {
        fissileOk("fn", "create", "--name", "echo", "--env", "nodejs", "--code", resource("echo.js").toString());
        fissileOk("route", "create", "--name", "echo-user", "--url", "/users/{id:[0-9]+}/orders", "--function", "echo",
                "--method", "GET", "--method", "POST");

        HttpResponse<String> response = routed(HttpRequest.newBuilder(router("/users/42/orders?sort=date&limit=5"))
                .header("X-Custom", "custom-value")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"book\",\"count\":2}")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"method\":\"POST\"")
                .contains("\"url\":\"/users/42/orders?sort=date&limit=5\"")
                .contains("\"sort\":\"date\"", "\"limit\":\"5\"")
                .contains("\"x-custom\":\"custom-value\"")
                .contains("\"x-fission-params-id\":\"42\"")
                .contains("\"x-fission-function-name\":\"echo\"", "\"x-fission-function-namespace\":\"default\"")
                .contains("\"body\":{\"item\":\"book\",\"count\":2}");
        assertThat(get("/users/abc/orders").statusCode()).as("the id must be digits").isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(router("/users/42/orders")).DELETE()).statusCode())
                .as("DELETE is not a method of the route").isIn(404, 405);
    }

    @Test
    void prefixRoutesStripOrKeepThePrefix() throws Exception {
        fissileOk("fn", "create", "--name", "echo-prefix", "--env", "nodejs", "--code", resource("echo.js").toString());
        fissileOk("route", "create", "--name", "api", "--prefix", "/api", "--function", "echo-prefix");
        fissileOk("route", "create", "--name", "kept", "--prefix", "/kept", "--keepprefix", "--function", "echo-prefix");

        assertThat(routed("/api/items/7?x=1").body()).contains("\"url\":\"/items/7?x=1\"");
        assertThat(routed("/kept/items/7").body()).contains("\"url\":\"/kept/items/7\"");
        assertThat(routed("/fission-function/echo-prefix/deep/path").body()).contains("\"url\":\"/deep/path\"");
    }

    @Test
    void statusCodesPassThroughAndAnUnknownPathIs404() throws Exception {
        fissileOk("fn", "create", "--name", "teapot", "--env", "nodejs", "--code", resource("behave.js").toString());

        assertThat(routed("/fission-function/teapot?status=418").statusCode()).isEqualTo(418);
        HttpResponse<String> missing = get("/no/such/route");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("/no/such/route");
    }

    @Test
    void aCrashAnswers500NamingTheFunctionAndTheNextRequestGetsAFreshInstance() throws Exception {
        fissileOk("fn", "create", "--name", "crasher", "--env", "nodejs", "--code", resource("behave.js").toString());
        assertThat(routed("/fission-function/crasher").statusCode()).isEqualTo(200);

        HttpResponse<String> crashed = get("/fission-function/crasher?crash=1");

        assertThat(crashed.statusCode()).isEqualTo(500);
        assertThat(crashed.body()).contains("crasher");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/fission-function/crasher").statusCode()).isEqualTo(200));
    }

    @Test
    void aRequestOverTheFunctionTimeoutGets504() throws Exception {
        fissileOk("fn", "create", "--name", "sleepy", "--env", "nodejs", "--code", resource("behave.js").toString(),
                "--fntimeout", "1");

        HttpResponse<String> response = routed("/fission-function/sleepy?sleep=5000");

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).contains("sleepy");
    }

    @Test
    void beyondItsConcurrencyAFunctionAnswers429() throws Exception {
        fissileOk("fn", "create", "--name", "narrow", "--env", "nodejs", "--code", resource("behave.js").toString(),
                "--concurrency", "1", "--requestsperpod", "1");
        assertThat(routed("/fission-function/narrow").statusCode()).isEqualTo(200);

        CompletableFuture<HttpResponse<String>> busy = http.sendAsync(
                HttpRequest.newBuilder(router("/fission-function/narrow?log=busy-now&sleep=10000")).build(),
                HttpResponse.BodyHandlers.ofString());
        instanceThatLogged("narrow", "busy-now");   // the only instance is now taken
        HttpResponse<String> refused = get("/fission-function/narrow");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("narrow", "concurrency");
        assertThat(busy.get().statusCode()).isEqualTo(200);
    }

    @Test
    void anIdleInstanceIsReapedAndTheNextRequestStartsAnother() throws Exception {
        fissileOk("fn", "create", "--name", "idler", "--env", "nodejs", "--code", resource("behave.js").toString(),
                "--idletimeout", "1");
        String first = routed("/fission-function/idler").body();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(instancesOf("idler")).as("instances still serving idler").isEmpty();
        });
        HttpResponse<String> again = get("/fission-function/idler");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).startsWith("pid ");
        assertThat(first).startsWith("pid ");
    }

    @Test
    void anInstanceKilledFromOutsideIsReplacedWithoutA502() throws Exception {
        fissileOk("fn", "create", "--name", "victim", "--env", "nodejs", "--code", resource("behave.js").toString());
        assertThat(routed("/fission-function/victim?log=before-the-kill").statusCode()).isEqualTo(200);
        String instance = instanceThatLogged("victim", "before-the-kill");

        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("runtime/instances").resolve(instance).resolve("process")).get(0).strip());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> response = get("/fission-function/victim");
            assertThat(response.statusCode()).isNotEqualTo(502).isEqualTo(200);
        });
    }

    @Test
    void anUpdatedFunctionAnswersWithItsNewCode() throws Exception {
        Path v1 = Files.writeString(work.resolve("version1.js"), "module.exports = async () => ({status: 200, body: 'v1'});\n");
        Path v2 = Files.writeString(work.resolve("version2.js"), "module.exports = async () => ({status: 200, body: 'v2'});\n");
        fissileOk("fn", "create", "--name", "versioned", "--env", "nodejs", "--code", v1.toString());
        assertThat(routed("/fission-function/versioned").body()).isEqualTo("v1");

        fissileOk("fn", "update", "--name", "versioned", "--code", v2.toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("/fission-function/versioned").body()).isEqualTo("v2"));
    }

    @Test
    void whatAFunctionPrintsShowsInItsLogs() throws Exception {
        fissileOk("fn", "create", "--name", "chatty", "--env", "nodejs", "--code", resource("behave.js").toString());
        assertThat(routed("/fission-function/chatty?log=a-line-worth-reading").statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(fissile("fn", "logs", "--name", "chatty").out()).contains("a-line-worth-reading"));
        ServerProcess.CliResult test = fissile("fn", "test", "--name", "chatty", "-q", "status=500");
        assertThat(test.exitCode()).isEqualTo(1);
        assertThat(test.err()).contains("500", "a-line-worth-reading");
    }

    @Test
    void aFissionSpecDirectoryRunsUnchanged() throws Exception {
        Path project = work.resolve("hello-spec");
        copyTree(Path.of(FunctionsEndToEndTest.class.getResource("/hello-spec").toURI()), project);

        // The environment "nodejs" was made by hand above; the spec takes it over, as Fission's flag allows.
        fissileOk("spec", "apply", "--specdir", project.resolve("specs").toString(), "--allowconflicts");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> response = get("/hello");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("hello, world!\n");
        });
    }

    // ---- helpers

    static ServerProcess.CliResult fissile(String... args) {
        return server.cli(work, args);
    }

    static void fissileOk(String... args) {
        ServerProcess.CliResult result = fissile(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.out() + result.err()).isZero();
    }

    static URI router(String pathAndQuery) {
        return URI.create(server.routerUrl() + pathAndQuery);
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(router(pathAndQuery)).GET());
    }

    /**
     * Sends a request to a route just created: the router picks up changes within milliseconds,
     * asynchronously, so until then it may still answer "no function route".
     */
    static HttpResponse<String> routed(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(120)).build();
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> http.send(built, HttpResponse.BodyHandlers.ofString()),
                response -> !(response.statusCode() == 404 && response.body().startsWith("no function route")));
    }

    static HttpResponse<String> routed(String pathAndQuery) {
        return routed(HttpRequest.newBuilder(router(pathAndQuery)).GET());
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The instance that wrote a line to a function's log. */
    static String instanceThatLogged(String function, String text) {
        ControllerClient client = server.client();
        return await().atMost(Duration.ofSeconds(30)).until(() -> client.logs("default", function, 100, null).stream()
                        .filter(line -> line.text().contains(text)).map(FunctionLogLine::instance).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    /** Instances whose process is still alive and that served the function (by its log lines). */
    static List<String> instancesOf(String function) {
        List<String> alive = new ArrayList<>();
        for (FunctionLogLine line : server.client().logs("default", function, 1000, null)) {
            if (line.instance() == null || alive.contains(line.instance())) continue;
            Path record = dataDir.resolve("runtime/instances").resolve(line.instance()).resolve("process");
            if (Files.exists(record)) alive.add(line.instance());
        }
        return alive;
    }

    static Path resource(String name) throws Exception {
        return Path.of(FunctionsEndToEndTest.class.getResource("/functions/" + name).toURI());
    }

    /** Compiles a Java function against the function API and packs it into a jar. */
    static Path javaFunctionJar(String className) throws Exception {
        Path classes = Files.createDirectories(work.resolve("classes-" + className));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), resource(className + ".java").toString());
        assertThat(status).isZero();
        Path jar = work.resolve(className.toLowerCase() + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            jarOut.putNextEntry(new JarEntry(className + ".class"));
            try (InputStream in = Files.newInputStream(classes.resolve(className + ".class"))) {
                in.transferTo(jarOut);
            }
            jarOut.closeEntry();
        }
        return jar;
    }

    static void copyTree(Path source, Path target) throws IOException {
        try (var files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(copy);
                else Files.copy(file, copy);
            }
        }
    }
}
