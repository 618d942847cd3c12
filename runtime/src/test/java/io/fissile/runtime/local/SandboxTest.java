package io.fissile.runtime.local;

import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a function in a sandboxed instance can and cannot see. */
class SandboxTest {

    @TempDir
    Path dataDir;

    @BeforeEach
    void requirePrograms() {
        DebianPackages.assumeInstalled("bwrap", "bubblewrap");
        DebianPackages.assumeInstalled("python3", "python3");
    }

    @Test
    void aFunctionSeesItsOwnFilesAndSecretsButNothingOfTheServerOrOtherInstances() throws Exception {
        Path planted = Files.writeString(dataDir.resolve("server-secret.txt"), "the server's own secret");
        Path secret = Files.createDirectories(dataDir.resolve("secrets-store/shop/db"));
        Files.writeString(secret.resolve("password"), "s3cret");
        try (RuntimeHarness harness = RuntimeHarness.create(dataDir)) {
            assertThat(harness.runtime.capabilities().sandboxed()).as(harness.runtime.capabilities().notes()).isTrue();
            InstanceSpec spec = new InstanceSpec("default", "python", "fission/python-env", Map.of("GREETING", "hi"),
                    List.of(new InstanceSpec.Mount(secret, "/secrets/shop/db")), 0, 0);
            Instance instance = harness.start(spec);
            Instance neighbour = harness.start(InstanceSpec.of("default", "python", "fission/python-env"));
            Files.writeString(neighbour.userfuncDir().resolve("private.txt"), "the neighbour's package");
            SandboxFunction.specialize(instance);

            assertThat(instance.userfuncPathInInstance()).isEqualTo("/userfunc");
            assertThat(SandboxFunction.list(instance, "/userfunc").lines()).contains("probe.py");
            assertThat(SandboxFunction.read(instance, "/secrets/shop/db/password")).isEqualTo("s3cret");
            assertThat(SandboxFunction.write(instance, "/secrets/shop/db/password", "changed")).startsWith("error:");

            assertThat(SandboxFunction.read(instance, planted.toString())).isEqualTo("error: FileNotFoundError");
            assertThat(SandboxFunction.list(instance, dataDir.toString())).isEqualTo("error: FileNotFoundError");
            assertThat(SandboxFunction.read(instance, neighbour.userfuncDir().resolve("private.txt").toString()))
                    .isEqualTo("error: FileNotFoundError");

            assertThat(SandboxFunction.variable(instance, "GREETING")).isEqualTo("hi");
            assertThat(SandboxFunction.variable(instance, "USERFUNC_DIR")).isEqualTo("/userfunc");
            assertThat(SandboxFunction.variable(instance, "HOME")).as("the server's environment is not passed on").isEmpty();
        }
    }

    @Test
    void eachInstanceHasAPrivateTmp() throws Exception {
        try (RuntimeHarness harness = RuntimeHarness.create(dataDir)) {
            Instance writer = harness.start(InstanceSpec.of("default", "python", "fission/python-env"));
            Instance reader = harness.start(InstanceSpec.of("default", "python", "fission/python-env"));
            SandboxFunction.specialize(writer);
            SandboxFunction.specialize(reader);
            String name = "fissile-private-" + writer.id();

            assertThat(SandboxFunction.write(writer, "/tmp/" + name, "mine")).isEqualTo("written");
            assertThat(SandboxFunction.read(writer, "/tmp/" + name)).isEqualTo("mine");

            assertThat(SandboxFunction.read(reader, "/tmp/" + name)).isEqualTo("error: FileNotFoundError");
            assertThat(Path.of("/tmp", name)).doesNotExist();
        }
    }
}
