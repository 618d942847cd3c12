package io.fissile.runtime.local;

import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceSpec;
import io.fissile.runtime.local.LocalRuntimeOptions.SandboxMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a sandbox, the contract's paths still lead a function to its package, secrets and config maps. */
class UnsandboxedTest {

    @TempDir
    Path dataDir;

    @Test
    void secretsAndConfigsKeepTheirLayoutAndTheCapabilitiesSayFilesAreExposed() throws Exception {
        DebianPackages.assumeInstalled("python3", "python3");
        Path secret = Files.createDirectories(dataDir.resolve("store/secrets/shop/db"));
        Files.writeString(secret.resolve("password"), "s3cret");
        Path config = Files.createDirectories(dataDir.resolve("store/configs/shop/settings"));
        Files.writeString(config.resolve("mode"), "fast");
        try (RuntimeHarness harness = RuntimeHarness.create(dataDir, options -> options.withSandbox(SandboxMode.OFF))) {
            assertThat(harness.runtime.capabilities().sandboxed()).isFalse();
            assertThat(harness.runtime.capabilities().notes()).contains("NOT sandboxed").contains("server's files");
            InstanceSpec spec = new InstanceSpec("default", "python", "fission/python-env", Map.of(), List.of(
                    new InstanceSpec.Mount(secret, "/secrets/shop/db"),
                    new InstanceSpec.Mount(config, "/configs/shop/settings")), 0, 0);
            Instance instance = harness.start(spec);
            SandboxFunction.specialize(instance);

            assertThat(instance.userfuncPathInInstance()).isEqualTo(instance.userfuncDir().toString());
            String secrets = SandboxFunction.variable(instance, "SECRETS_DIR");
            String configs = SandboxFunction.variable(instance, "CONFIGS_DIR");
            assertThat(SandboxFunction.read(instance, secrets + "/shop/db/password")).isEqualTo("s3cret");
            assertThat(SandboxFunction.read(instance, configs + "/shop/settings/mode")).isEqualTo("fast");
            String tmp = SandboxFunction.variable(instance, "TMPDIR");
            assertThat(Path.of(tmp)).startsWith(dataDir);
        }
    }
}
