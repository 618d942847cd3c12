package io.fissile.bench.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The config the warm path gives nginx is one nginx accepts, with both of its paths. */
class NginxConfigTest {

    @Test
    void nginxAcceptsTheRenderedConfig(@TempDir Path directory) throws Exception {
        Path nginx = Path.of("/usr/sbin/nginx");
        assumeTrue(Files.isExecutable(nginx), "missing Debian package nginx");
        Path config = Files.writeString(directory.resolve("nginx.conf"), NginxConfig.render(directory, 2, 18080, 18081, "default", "hello"));

        Process check = new ProcessBuilder(nginx.toString(), "-t", "-p", directory.toString(), "-c", config.toString())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(Files.readString(config)).contains("location " + NginxConfig.AS_ROUTER, "X-Fission-Function-Name hello",
                "Forwarded \"for=$remote_addr;host=\\\"$http_host\\\";proto=$scheme\"");
    }
}
