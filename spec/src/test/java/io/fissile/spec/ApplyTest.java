package io.fissile.spec;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageStatus;
import io.fissile.client.ControllerClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApplyTest {
    private static final String UID = "6c8e9f2a-3b1d-4e5f-9a7b-2c4d6e8f0a1b";

    @RegisterExtension
    final RunningController server = new RunningController();

    @TempDir
    Path tmp;

    private SpecProject project;
    private ControllerClient client;

    @BeforeEach
    void copyProject() {
        project = SpecProject.copy("hello", tmp);
        client = server.client();
    }

    private RunningController.Run apply(String... flags) {
        String[] args = new String[flags.length + 3];
        args[0] = "apply";
        args[1] = "--specdir";
        args[2] = project.specDir().toString();
        System.arraycopy(flags, 0, args, 3, flags.length);
        return server.spec(args);
    }

    @Test
    void createsEveryObjectMarkedWithTheDeploymentAndALiteralPackage() throws Exception {
        RunningController.Run run = apply();

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("Environment default/nodejs created", "Package default/hello-5d1c created",
                "Function default/hello created", "HTTPTrigger default/hello-route created",
                "TimeTrigger default/hello-hourly created", "5 created, 0 updated, 0 unchanged, 0 deleted.");
        assertThat(ServerObjects.versions(client)).hasSize(5);
        for (Environment env : client.list(Kinds.ENVIRONMENT, null, null).items()) {
            assertThat(env.metadata().annotations()).containsEntry("fission-name", "hello").containsEntry("fission-uid", UID);
        }
        assertThat(ServerObjects.get(client, Kinds.TIME_TRIGGER, "hello-hourly").metadata().annotations())
                .containsEntry("fission-uid", UID);
        Package pkg = ServerObjects.get(client, Kinds.PACKAGE, "hello-5d1c");
        assertThat(pkg.spec().deployment().type()).isEqualTo(Archive.LITERAL);
        assertThat(pkg.spec().deployment().literal()).isEqualTo(Files.readAllBytes(project.file("hello.js")));
        assertThat(client.listArchives()).isEmpty();
        Function fn = ServerObjects.get(client, Kinds.FUNCTION, "hello");
        assertThat(fn.spec().packageRef().packageRef().resourceVersion()).isEqualTo(pkg.metadata().resourceVersion());
    }

    @Test
    void applyingAgainChangesNothingAndSaysSo() {
        assertThat(apply().exitCode()).isZero();
        Map<String, String> before = ServerObjects.versions(client);

        RunningController.Run again = apply();

        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("Function default/hello unchanged", "Package default/hello-5d1c unchanged",
                "Everything up to date: 5 objects unchanged.");
        assertThat(again.out()).doesNotContain(" created", " updated");
        assertThat(ServerObjects.versions(client)).isEqualTo(before);
    }

    @Test
    void editingOneFileUpdatesExactlyThatObject() {
        assertThat(apply().exitCode()).isZero();
        Map<String, String> before = ServerObjects.versions(client);
        project.edit("specs/route-hello.yaml", "relativeurl: /hello", "relativeurl: /hi");

        RunningController.Run run = apply();

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("HTTPTrigger default/hello-route updated", "0 created, 1 updated, 4 unchanged, 0 deleted.");
        Map<String, String> after = ServerObjects.versions(client);
        assertThat(after).hasSameSizeAs(before);
        before.forEach((object, version) -> {
            if (object.equals("HTTPTrigger default/hello-route")) assertThat(after.get(object)).isNotEqualTo(version);
            else assertThat(after.get(object)).as(object).isEqualTo(version);
        });
        assertThat(ServerObjects.get(client, Kinds.HTTP_TRIGGER, "hello-route").spec().relativeUrl()).isEqualTo("/hi");
    }

    @Test
    void changedSourceUpdatesThePackageAndTheFunctionThatRunsIt() {
        assertThat(apply().exitCode()).isZero();
        project.write("hello.js", "module.exports = async () => ({ status: 200, body: 'hi' });\n");

        RunningController.Run run = apply();

        assertThat(run.out()).contains("Package default/hello-5d1c updated", "Function default/hello updated",
                "Environment default/nodejs unchanged");
        Package pkg = ServerObjects.get(client, Kinds.PACKAGE, "hello-5d1c");
        assertThat(new String(pkg.spec().deployment().literal())).contains("body: 'hi'");
        assertThat(ServerObjects.get(client, Kinds.FUNCTION, "hello").spec().packageRef().packageRef().resourceVersion())
                .isEqualTo(pkg.metadata().resourceVersion());
    }

    @Test
    void anArchiveOver256KiBIsUploadedOnceAndReferredToByUrlAndChecksum() throws Exception {
        byte[] data = new byte[300 * 1024];
        new java.util.Random(42).nextBytes(data);
        Files.write(project.file("data.bin"), data);
        project.edit("specs/function-hello.yaml", "- hello.js\n", "- hello.js\n- data.bin\n");

        RunningController.Run first = apply();

        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).contains("archive hello-js-Xb3k: 2 files zipped", "uploaded");
        Package pkg = ServerObjects.get(client, Kinds.PACKAGE, "hello-5d1c");
        Archive deployment = pkg.spec().deployment();
        assertThat(client.listArchives()).singleElement().satisfies(archive -> {
            assertThat(deployment.type()).isEqualTo(Archive.URL);
            assertThat(deployment.url()).isEqualTo(archive.url());
            assertThat(deployment.checksum().type()).isEqualTo("sha256");
            assertThat(deployment.checksum().sum()).isEqualTo(archive.id());
            assertThat(deployment.literal()).isNull();
        });
        var uploaded = client.listArchives();

        RunningController.Run second = apply();

        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out()).contains("already on the server", "Package default/hello-5d1c unchanged", "Everything up to date");
        assertThat(client.listArchives()).isEqualTo(uploaded);
        assertThat(ServerObjects.get(client, Kinds.PACKAGE, "hello-5d1c").metadata().resourceVersion())
                .isEqualTo(pkg.metadata().resourceVersion());
    }

    @Test
    void deleteRemovesWhatTheSpecsNoLongerHoldButOnlyThisDeploymentsObjects() {
        assertThat(apply().exitCode()).isZero();
        ServerObjects.routeOfAnotherDeployment(client, "other-route");
        ServerObjects.unmarkedTimer(client, "hand-made-timer");
        project.delete("specs/timetrigger-hello-hourly.yaml");

        RunningController.Run withoutDelete = apply();
        assertThat(withoutDelete.out()).doesNotContain("deleted:").contains("Everything up to date");
        assertThat(client.get(Kinds.TIME_TRIGGER, "default", "hello-hourly")).isPresent();

        RunningController.Run run = apply("--delete");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("TimeTrigger default/hello-hourly deleted", "0 created, 0 updated, 4 unchanged, 1 deleted.");
        assertThat(client.get(Kinds.TIME_TRIGGER, "default", "hello-hourly")).isEmpty();
        assertThat(client.get(Kinds.HTTP_TRIGGER, "default", "other-route")).isPresent();
        assertThat(client.get(Kinds.TIME_TRIGGER, "default", "hand-made-timer")).isPresent();
        assertThat(client.get(Kinds.FUNCTION, "default", "hello")).isPresent();
    }

    @Test
    void anObjectOfAnotherDeploymentIsRefusedUnlessConflictsAreAllowed() {
        Environment theirs = ServerObjects.nodejsEnvironmentOwnedBy(client, "uid-of-other-app");

        RunningController.Run refused = apply();

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("env-nodejs.yaml, document 1 (line 1)", "Environment \"default/nodejs\" already exists",
                "another deployment", "uid-of-other-app", "--allowconflicts", "nothing was applied");
        assertThat(ServerObjects.versions(client)).containsOnlyKeys("Environment default/nodejs");
        assertThat(ServerObjects.get(client, Kinds.ENVIRONMENT, "nodejs").metadata().resourceVersion())
                .isEqualTo(theirs.metadata().resourceVersion());

        RunningController.Run allowed = apply("--allowconflicts");

        assertThat(allowed.exitCode()).as(allowed.all()).isZero();
        assertThat(allowed.out()).contains("Environment default/nodejs updated", "4 created, 1 updated");
        assertThat(DeploymentMarks.uidOf(ServerObjects.get(client, Kinds.ENVIRONMENT, "nodejs"))).isEqualTo(UID);
    }

    @Test
    void anUnmarkedObjectIsRefusedToo() {
        ServerObjects.nodejsEnvironmentOwnedBy(client, null);

        RunningController.Run refused = apply();

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("was not applied from a spec", "fission-uid");
        assertThat(ServerObjects.versions(client)).containsOnlyKeys("Environment default/nodejs");
    }

    @Test
    void oneBadDocumentAnywhereRejectsTheWholeDirectoryAndStoresNothing() {
        project.edit("specs/function-hello.yaml", "  environment:\n    name: nodejs\n    namespace: default\n  source:",
                "  environment:\n    namespace: default\n  source:");
        project.edit("specs/timetrigger-hello-hourly.yaml", "cron: '@hourly'", "cron: 'every hour'");

        RunningController.Run run = apply();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(
                project.specDir().resolve("function-hello.yaml") + ", document 2 (line 7): spec.environment.name: is required",
                project.specDir().resolve("timetrigger-hello-hourly.yaml") + ", document 1 (line 1): spec.cron:",
                "2 errors in the specs: nothing was applied.");
        assertThat(ServerObjects.versions(client)).isEmpty();
        assertThat(client.listArchives()).isEmpty();
    }

    @Test
    void anUnresolvableReferenceRejectsTheDirectory() {
        project.edit("specs/route-hello.yaml", "    name: hello\n", "    name: hallo\n");

        RunningController.Run run = apply();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("route-hello.yaml, document 1 (line 1): spec.functionref: function \"default/hallo\" is not in the specs");
        assertThat(ServerObjects.versions(client)).isEmpty();
    }

    @Test
    void objectsWithoutNamespaceGoIntoTheOneGiven() {
        for (String file : new String[]{"env-nodejs.yaml", "function-hello.yaml", "route-hello.yaml"}) {
            project.write("specs/" + file, project.read("specs/" + file).replace("  namespace: default\n", ""));
        }

        RunningController.Run run = apply("--namespace", "team-a");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(client.list(Kinds.FUNCTION, "default", null).items()).isEmpty();
        Function fn = client.get(Kinds.FUNCTION, "team-a", "hello").orElseThrow();
        assertThat(fn.spec().environment().namespace()).isEqualTo("team-a");
        assertThat(fn.spec().packageRef().packageRef().namespace()).isEqualTo("team-a");
        assertThat(client.get(Kinds.TIME_TRIGGER, "team-a", "hello-hourly")).isPresent();
        HTTPTrigger route = client.get(Kinds.HTTP_TRIGGER, "team-a", "hello-route").orElseThrow();
        assertThat(route.metadata().annotations()).containsEntry("fission-uid", UID);
    }

    /** Makes the package carry only source code, which a builder must turn into a deployment archive. */
    private void makePackageSourceOnly() {
        project.edit("specs/function-hello.yaml", "  deployment:\n    checksum: {}\n    type: url\n    url: archive://hello-js-Xb3k\n",
                "  deployment:\n    checksum: {}\n");
        project.edit("specs/function-hello.yaml", "  source:\n    checksum: {}\n",
                "  source:\n    checksum: {}\n    type: url\n    url: archive://hello-js-Xb3k\n");
    }

    @Test
    void waitReturnsAtOnceForPackagesThatNeedNoBuild() {
        RunningController.Run run = apply("--wait");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(ServerObjects.get(client, Kinds.PACKAGE, "hello-5d1c").status().buildstatus()).isEqualTo("none");
    }

    @Test
    void waitGivesUpOnABuildThatDoesNotFinishInTime() {
        makePackageSourceOnly();

        RunningController.Run run = apply("--wait", "--wait-timeout", "1s");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("5 created");
        assertThat(run.err()).contains("package \"default/hello-5d1c\" is still being built after 1s");
        assertThat(ServerObjects.get(client, Kinds.PACKAGE, "hello-5d1c").status().buildstatus()).isEqualTo("pending");
    }

    @Test
    void waitReportsAFailedBuildWithItsLog() {
        makePackageSourceOnly();
        assertThat(apply().exitCode()).isZero();
        Package pkg = ServerObjects.get(client, Kinds.PACKAGE, "hello-5d1c");
        pkg.status(new PackageStatus().buildstatus(PackageStatus.FAILED).buildlog("npm ERR! missing script: build"));
        client.updateStatus(pkg);

        RunningController.Run run = apply("--wait");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Package default/hello-5d1c unchanged");
        assertThat(run.err()).contains("the build of package \"default/hello-5d1c\" failed", "npm ERR! missing script: build");
    }
}
