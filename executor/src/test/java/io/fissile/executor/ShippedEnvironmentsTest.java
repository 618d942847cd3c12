package io.fissile.executor;

import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.Runtime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped environment runs a function from a literal file and from a zip with a directory. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShippedEnvironmentsTest {

    private ExecutorHarness harness;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        harness = ExecutorHarness.start(dir);
        for (TestCode code : TestCode.values()) harness.environment(code.lowerName(), code.image, 1);
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @ParameterizedTest
    @EnumSource(TestCode.class)
    void aSingleFileLiteralIsSpecializedAndAnswers(TestCode code) throws Exception {
        String name = "single-" + code.lowerName();
        harness.literalPackage(name, code.single("hello from " + code.lowerName()));
        Function function = harness.function(name, code.lowerName(), name, code.singleEntrypoint);

        Lease lease = harness.acquire(function);
        assertThat(lease.coldStart()).isTrue();
        lease.release();

        assertThat(harness.invoke(function, "world")).isEqualTo("hello from " + code.lowerName() + ": world");
        assertThat(harness.counts(name).instances()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestCode.class)
    void aZipWithADirectoryIsUnpackedAndItsEntrypointServes(TestCode code) throws Exception {
        String name = "zipped-" + code.lowerName();
        harness.literalPackage(name, code.zip("zipped " + code.lowerName()));
        Function function = harness.function(name, code.lowerName(), name, code.zipEntrypoint);

        assertThat(harness.invoke(function, "world")).isEqualTo("zipped " + code.lowerName() + ": world");
    }

    @Test
    void aVersion1EnvironmentLoadsTheCodeAtUserThroughSpecialize() throws Exception {
        Environment v1 = new Environment();
        v1.metadata().namespace("default").name("nodejs-v1");
        v1.spec().version(1).runtime(new Runtime().image("fission/node-env"));
        harness.create(v1);
        harness.literalPackage("classic", TestCode.NODEJS.single("hello from v1"));
        Function function = harness.function("classic", "nodejs-v1", "classic", "");

        assertThat(harness.invoke(function, "world")).isEqualTo("hello from v1: world");
        // Fission keeps three warm instances for environments before version 3, whatever poolsize says.
        assertThat(harness.executor.stats().pool("default", "nodejs-v1")).get()
                .extracting(ExecutorStats.PoolCounts::size).isEqualTo(3);
    }

    @Test
    void anEnvironmentThatKeepsArchivesGetsTheJarItself() throws Exception {
        Environment keeping = new Environment();
        keeping.metadata().namespace("default").name("jvm-keep");
        keeping.spec().version(3).poolsize(1).keeparchive(true).runtime(new Runtime().image("fission/jvm-env"));
        harness.create(keeping);
        Package pkg = harness.literalPackage("kept-jar", TestCode.JVM.single("kept jar"));
        Function function = harness.function("kept-jar", "jvm-keep", pkg.name(), "example.Hello");

        assertThat(harness.invoke(function, "world")).isEqualTo("kept jar: world");
    }
}
