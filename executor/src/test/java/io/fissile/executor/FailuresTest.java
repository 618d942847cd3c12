package io.fissile.executor;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.ExecutionStrategy;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageRef;
import io.fissile.api.v1.PackageStatus;
import io.fissile.api.v1.Runtime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a request learns when a function cannot run, and that it runs once the cause is fixed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailuresTest {

    private ExecutorHarness harness;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        harness = ExecutorHarness.start(dir);
        harness.environment("nodejs", TestCode.NODEJS.image, 1);
        harness.environment("python", TestCode.PYTHON.image, 1);
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @ParameterizedTest
    @EnumSource(value = TestCode.class, names = {"NODEJS", "PYTHON"})
    void codeThatDoesNotLoadFailsWithTheEnvironmentsErrorAndTheFixedVersionRuns(TestCode code) throws Exception {
        String name = "broken-" + code.lowerName();
        byte[] broken = TestCode.bytes(code == TestCode.NODEJS ? "module.exports = async function (context) {\n  return {;\n"
                : "def main(:\n    return 'never'\n");
        Package pkg = harness.literalPackage(name, broken);
        Function function = harness.function(name, code.lowerName(), name, code.singleEntrypoint);

        Throwable failure = harness.acquireFailure(function);

        assertThat(failure).isInstanceOf(FunctionUnavailableException.class)
                .hasMessageContaining("function \"default/" + name + "\" failed to load")
                .hasMessageContaining("SyntaxError");
        assertThat(((FunctionUnavailableException) failure).isTransient()).isFalse();
        assertThat(harness.counts(name).instances()).isZero();

        pkg.spec().deployment(Archive.ofLiteral(code.single("fixed")));
        harness.update(pkg);
        assertThat(harness.invoke(function, "at last")).isEqualTo("fixed: at last");
    }

    @Test
    void aPackageInAnotherNamespaceIsFound() throws Exception {
        harness.pkg("shared", "common", Archive.ofLiteral(TestCode.NODEJS.single("from the shared namespace")));
        Function function = harness.function("borrower", "nodejs", "common", "",
                spec -> { spec.packageRef().packageRef(new PackageRef().namespace("shared").name("common")); return spec; });

        assertThat(harness.invoke(function, "hi")).isEqualTo("from the shared namespace: hi");
    }

    @Test
    void aMissingPackageIsNamedAndTheFunctionRunsOnceItExists() throws Exception {
        Function function = harness.function("early", "nodejs", "not-yet", "");

        assertThat(harness.acquireFailure(function)).isInstanceOf(FunctionUnavailableException.class)
                .hasMessage("package \"default/not-yet\" of function \"default/early\" does not exist");

        harness.literalPackage("not-yet", TestCode.NODEJS.single("now it exists"));
        assertThat(harness.invoke(function, "hi")).isEqualTo("now it exists: hi");
    }

    @Test
    void aMissingEnvironmentIsNamed() throws Exception {
        harness.literalPackage("homeless", TestCode.NODEJS.single("unused"));
        Function function = harness.function("homeless", "nowhere", "homeless", "");

        assertThat(harness.acquireFailure(function)).isInstanceOf(FunctionUnavailableException.class)
                .hasMessage("environment \"default/nowhere\" of function \"default/homeless\" does not exist");
    }

    @Test
    void aFailedBuildIsReportedWithTheEndOfItsLog() throws Exception {
        Package pkg = new Package();
        pkg.metadata().namespace("default").name("unbuildable");
        pkg.spec().source(Archive.ofLiteral(TestCode.bytes("source")));
        pkg.status(new PackageStatus().buildstatus(PackageStatus.FAILED).buildlog("npm install\nnpm ERR! missing script: build\n"));
        harness.create(pkg);
        Function function = harness.function("unbuildable", "nodejs", "unbuildable", "");

        assertThat(harness.acquireFailure(function)).isInstanceOf(FunctionUnavailableException.class)
                .hasMessageStartingWith("the build of package \"default/unbuildable\" of function \"default/unbuildable\" failed")
                .hasMessageEndingWith("npm ERR! missing script: build");
    }

    @Test
    void aRequestWaitsForAPackageStillBuilding() throws Exception {
        Package pkg = new Package();
        pkg.metadata().namespace("default").name("building");
        pkg.spec().deployment(Archive.ofLiteral(TestCode.NODEJS.single("built")));
        pkg.status(new PackageStatus().buildstatus(PackageStatus.RUNNING));
        pkg = harness.create(pkg);
        Function function = harness.function("building", "nodejs", "building", "");

        CompletableFuture<Lease> waiting = harness.executor.acquire(function);
        Thread.sleep(300);
        assertThat(waiting).isNotDone();

        pkg.status(new PackageStatus().buildstatus(PackageStatus.SUCCEEDED));
        harness.store.updateStatus(pkg);
        Lease lease = waiting.get(60, TimeUnit.SECONDS);
        assertThat(harness.post(lease, "done").body()).isEqualTo("built: done");
        lease.release();
    }

    @Test
    void aPackageStillBuildingWhenTheSpecializationTimeoutPassesIsReportedAsTemporary() throws Exception {
        Package pkg = new Package();
        pkg.metadata().namespace("default").name("slow-build");
        pkg.spec().source(Archive.ofLiteral(TestCode.bytes("source")));
        pkg.status(new PackageStatus().buildstatus(PackageStatus.PENDING));
        harness.create(pkg);
        Function function = harness.function("impatient", "nodejs", "slow-build", "", spec -> {
            spec.invokeStrategy().executionStrategy().specializationTimeout(1);
            return spec;
        });

        Throwable failure = harness.acquireFailure(function);
        assertThat(failure).isInstanceOf(FunctionUnavailableException.class)
                .hasMessage("package \"default/slow-build\" of function \"default/impatient\" is still building (status pending); "
                        + "try again later");
        assertThat(((FunctionUnavailableException) failure).isTransient()).isTrue();
    }

    @Test
    void aFunctionOfAnotherExecutorTypeIsRefused() throws Exception {
        harness.literalPackage("dedicated", TestCode.NODEJS.single("unused"));
        Function function = harness.function("dedicated", "nodejs", "dedicated", "", spec -> {
            spec.invokeStrategy().executionStrategy().executorType(ExecutionStrategy.NEWDEPLOY);
            return spec;
        });

        assertThat(harness.acquireFailure(function)).isInstanceOf(FunctionUnavailableException.class)
                .hasMessage("function \"default/dedicated\" uses executor type newdeploy, which the pool manager does not run");
    }

    @Test
    void anEnvironmentWhoseInstancesCannotStartReportsWhyAndRecoversWhenFixed() throws Exception {
        Environment broken = harness.environment("mistyped", "example/no-such-env", 1);
        harness.literalPackage("stranded", TestCode.NODEJS.single("rescued"));
        Function function = harness.function("stranded", "mistyped", "stranded", "");

        await().atMost(Duration.ofSeconds(30)).until(() -> harness.executor.stats().pool("default", "mistyped")
                .flatMap(ExecutorStats.PoolCounts::lastError).isPresent());
        Throwable failure = harness.acquireFailure(function);
        assertThat(failure).isInstanceOf(FunctionUnavailableException.class)
                .hasMessageContaining("environment \"default/mistyped\" cannot start instances")
                .hasMessageContaining("Unknown environment image \"example/no-such-env\"");
        assertThat(((FunctionUnavailableException) failure).isTransient()).isTrue();

        broken.spec().runtime(new Runtime().image(TestCode.NODEJS.image));
        harness.update(broken);
        assertThat(harness.invoke(function, "hi")).isEqualTo("rescued: hi");
        assertThat(harness.executor.stats().pool("default", "mistyped").flatMap(ExecutorStats.PoolCounts::lastError)).isEmpty();
    }
}
