package io.fissile.environments.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fissile.environments.jvm.RuntimeProcess;
import io.fissile.environments.jvm.server.RuntimeLauncher;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fission's binary environment: an executable per request, body on stdin, stdout as the response. */
class BinaryRuntimeTest {

    @TempDir
    Path work;

    private static RuntimeProcess.Builder binaryRuntime() {
        return RuntimeProcess.of(BinaryRuntime.class, BinaryRuntime.class, RuntimeLauncher.class);
    }

    @Test
    void aShellScriptEchoesTheRequestBody() throws Exception {
        Path script = script("echo.sh", "printf 'you said: '\ncat -\n", false);
        try (RuntimeProcess runtime = binaryRuntime().start()) {
            assertThat(runtime.specialize(script, "").statusCode()).isEqualTo(200);

            HttpResponse<String> response = runtime.post("/", "hello binary");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("you said: hello binary");
        }
    }

    @Test
    void theRequestIsVisibleInCgiVariables() throws Exception {
        Path userfunc = Files.createDirectories(work.resolve("userfunc"));
        // env itself as the function: it prints every variable, even names a shell would not pass on.
        Path env = Files.copy(Path.of("/usr/bin/env"), work.resolve("env"), StandardCopyOption.COPY_ATTRIBUTES);
        try (RuntimeProcess runtime = binaryRuntime()
                .env("USERFUNC_DIR", userfunc.toString())
                .env("INHERITED_SETTING", "from the runtime")
                .start()) {
            runtime.specialize(env, "");

            HttpResponse<String> response = runtime.send(runtime.request("/orders/7?expand=items&x=1")
                    .header("X-Custom-Header", "custom value")
                    .header("Proxy", "http://attacker.invalid")
                    .PUT(HttpRequest.BodyPublishers.ofString("abc")));

            Map<String, String> variables = response.body().lines()
                    .map(line -> line.split("=", 2))
                    .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (first, second) -> first));
            assertThat(variables)
                    .containsEntry("REQUEST_METHOD", "PUT")
                    .containsEntry("REQUEST_URI", "/orders/7?expand=items&x=1")
                    .containsEntry("CONTENT_LENGTH", "3")
                    .containsEntry("QUERY_STRING", "expand=items&x=1")
                    .containsEntry("HTTP_X_CUSTOM_HEADER", "custom value")
                    .containsEntry("HTTP_X-CUSTOM-HEADER", "custom value")
                    .containsEntry("PATH", System.getenv("PATH") + ":" + userfunc.resolve("deployarchive") + ":" + userfunc)
                    .containsEntry("INHERITED_SETTING", "from the runtime")
                    .doesNotContainKey("HTTP_PROXY");
        }
    }

    @Test
    void theFunctionsOwnVariablesReachTheExecutableAndItsPathStillEndsWithThePackage() throws Exception {
        Path userfunc = Files.createDirectories(work.resolve("userfunc"));
        Path script = script("vars.sh", "echo \"$GREETING|$INHERITED_SETTING|$PATH\"\n", false);
        try (RuntimeProcess runtime = binaryRuntime()
                .env("USERFUNC_DIR", userfunc.toString())
                .env("INHERITED_SETTING", "from the runtime")
                .start()) {
            HttpResponse<String> specialized = runtime.specialize(script, "",
                    Map.of("GREETING", "hello from spec.env", "INHERITED_SETTING", "overridden", "PATH", "/opt/tools/bin:/bin"));

            assertThat(specialized.statusCode()).as(specialized.body()).isEqualTo(200);
            assertThat(runtime.get("/").body()).isEqualTo("hello from spec.env|overridden|/opt/tools/bin:/bin:"
                    + userfunc.resolve("deployarchive") + ":" + userfunc + "\n");
        }
    }

    @Test
    void variablesTheContractOrTheRequestsSetAreRefusedByName() throws Exception {
        Path script = script("vars.sh", "echo \"$GREETING\"\n", false);
        try (RuntimeProcess runtime = binaryRuntime().start()) {
            HttpResponse<String> port = runtime.specialize(script, "", Map.of("PORT", "9999"));
            HttpResponse<String> method = runtime.specialize(script, "", Map.of("REQUEST_METHOD", "GET"));
            HttpResponse<String> header = runtime.specialize(script, "", Map.of("HTTP_X_USER", "mallory"));
            HttpResponse<String> specialized = runtime.specialize(script, "", Map.of("GREETING", "hi"));

            assertThat(List.of(port, method, header)).extracting(HttpResponse::statusCode).containsOnly(400);
            assertThat(port.body()).contains("PORT");
            assertThat(method.body()).contains("REQUEST_METHOD");
            assertThat(header.body()).contains("HTTP_X_USER");
            assertThat(specialized.statusCode()).isEqualTo(200);
            assertThat(runtime.get("/").body()).isEqualTo("hi\n");
        }
    }

    @Test
    void aShellScriptReadsHeadersWithUnderscores() throws Exception {
        Path script = script("greet.sh", "echo \"hello $HTTP_X_USER_NAME via $REQUEST_METHOD\"\n", false);
        try (RuntimeProcess runtime = binaryRuntime().start()) {
            runtime.specialize(script, "");

            HttpResponse<String> response = runtime.send(runtime.request("/").header("X-User-Name", "Ada"));

            assertThat(response.body()).isEqualTo("hello Ada via GET\n");
        }
    }

    @Test
    void aNonZeroExitIs500WithTheStatusAndStderr() throws Exception {
        Path script = script("fail.sh", "echo 'half an answer'\necho 'database unreachable' >&2\nexit 3\n", false);
        try (RuntimeProcess runtime = binaryRuntime().start()) {
            runtime.specialize(script, "");

            HttpResponse<String> failed = runtime.get("/");

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).contains("exited with status 3", "database unreachable")
                    .doesNotContain("half an answer");
            await().atMost(Duration.ofSeconds(20)).until(() -> runtime.stderr().contains("database unreachable\n"));
        }
    }

    @Test
    void aFailureAfterTheOutputBeganStreamingCutsTheResponseShort() throws Exception {
        Path script = script("late-failure.sh", "head -c 300000 /dev/zero\nexit 1\n", false);
        try (RuntimeProcess runtime = binaryRuntime().start()) {
            runtime.specialize(script, "");

            assertThatThrownBy(() -> runtime.client().send(runtime.request("/").build(),
                    HttpResponse.BodyHandlers.ofByteArray())).isInstanceOf(IOException.class);
            assertThat(runtime.isAlive()).isTrue();
        }
    }

    @Test
    void aDirectoryAndFunctionNameNameTheExecutable() throws Exception {
        Path directory = Files.createDirectories(work.resolve("package"));
        script("package/hello.sh", "echo \"hello from $(basename \"$PWD\")\"\n", false);
        script("package/other.sh", "echo wrong one\n", false);
        try (RuntimeProcess runtime = binaryRuntime().start()) {
            assertThat(runtime.specialize(directory, "hello.sh").statusCode()).isEqualTo(200);

            assertThat(runtime.get("/").body()).isEqualTo("hello from package\n");
        }
    }

    @Test
    void executablesRunDirectlyAndOtherFilesWithTheShell() throws Exception {
        Path directory = Files.createDirectories(work.resolve("bin"));
        Files.copy(Path.of("/bin/cat"), directory.resolve("cat-binary"), StandardCopyOption.COPY_ATTRIBUTES);
        // Run directly, the kernel hands this file to cat, which prints it; a shell would fail on it.
        Path catScript = script("bin/cat-script", "#!/bin/cat\nprinted by cat, not by a shell\n", true);

        try (RuntimeProcess elf = binaryRuntime().start(); RuntimeProcess shebang = binaryRuntime().start()) {
            elf.specialize(directory, "cat-binary");
            shebang.specialize(catScript, "");

            assertThat(elf.post("/", "through an ELF binary").body()).isEqualTo("through an ELF binary");
            assertThat(shebang.get("/").body()).isEqualTo("#!/bin/cat\nprinted by cat, not by a shell\n");
        }
    }

    @Test
    void v1SpecializationRunsUserFromTheUserfuncDirectory() throws Exception {
        Path userfunc = Files.createDirectories(work.resolve("userfunc"));
        script("userfunc/user", "echo 'v1 function'\n", false);
        try (RuntimeProcess runtime = binaryRuntime().env("USERFUNC_DIR", userfunc.toString()).start()) {
            assertThat(runtime.post("/specialize", "").statusCode()).isEqualTo(200);

            assertThat(runtime.get("/").body()).isEqualTo("v1 function\n");
        }
    }

    @Test
    void aMissingExecutableIs500WithItsPath() throws Exception {
        Path missing = work.resolve("missing.sh");
        try (RuntimeProcess runtime = binaryRuntime().start()) {
            HttpResponse<String> response = runtime.specialize(missing, "");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("no such file", missing.toString());
        }
    }

    @Test
    void requestsRunInParallel() throws Exception {
        int requests = 4;
        Path arrivals = Files.createDirectories(work.resolve("arrivals"));
        // Each process waits (up to 30 s) until every request has started one: only parallel runs succeed.
        Path script = script("rendezvous.sh", """
                touch "%1$s/$$"
                i=0
                while [ "$(ls "%1$s" | wc -l)" -lt %2$d ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
                if [ "$(ls "%1$s" | wc -l)" -ge %2$d ]; then echo together; else echo alone; fi
                """.formatted(arrivals, requests), false);
        try (RuntimeProcess runtime = binaryRuntime().start()) {
            runtime.specialize(script, "");

            List<String> bodies = IntStream.range(0, requests)
                    .mapToObj(i -> runtime.client().sendAsync(runtime.request("/").build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList().stream()
                    .map(CompletableFuture::join).map(HttpResponse::body).toList();

            assertThat(bodies).containsOnly("together\n");
        }
    }

    @Test
    void aLargeBodyStreamsThroughCatIntactWithoutFillingTheHeap() throws Exception {
        long size = 50L * 1024 * 1024;
        Path script = script("cat.sh", "exec cat\n", false);
        // A 48 MiB heap cannot hold the 50 MiB body even once.
        try (RuntimeProcess runtime = binaryRuntime().jvmOption("-Xmx48m").start()) {
            runtime.specialize(script, "");
            HttpRequest request = runtime.request("/upload")
                    .POST(HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(size)), size))
                    .build();

            HttpResponse<InputStream> response = runtime.client().send(request, HttpResponse.BodyHandlers.ofInputStream());

            assertThat(response.statusCode()).isEqualTo(200);
            try (InputStream body = response.body()) {
                assertThat(sha256(body)).isEqualTo(sha256(new PatternStream(size)));
            }
            assertThat(runtime.isAlive()).isTrue();
        }
    }

    private Path script(String name, String content, boolean executable) throws IOException {
        Path file = work.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        return file;
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            digest.update(buffer, 0, read);
            total += read;
        }
        return total + ":" + HexFormat.of().formatHex(digest.digest());
    }

    /** A deterministic, non-repeating-looking byte sequence of a given length, generated on the fly. */
    private static final class PatternStream extends InputStream {

        private final long size;
        private long position;
        private long state = 0x9E3779B97F4A7C15L;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (position == size) {
                return -1;
            }
            position++;
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            return (int) (state & 0xff);
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position == size) {
                return -1;
            }
            int count = (int) Math.min(length, size - position);
            for (int i = 0; i < count; i++) {
                target[offset + i] = (byte) read();
            }
            return count;
        }
    }
}
