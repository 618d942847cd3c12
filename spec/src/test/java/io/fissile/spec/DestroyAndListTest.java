package io.fissile.spec;

import io.fissile.api.v1.Kinds;
import io.fissile.client.ControllerClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DestroyAndListTest {
    private static final String UID = "6c8e9f2a-3b1d-4e5f-9a7b-2c4d6e8f0a1b";

    @RegisterExtension
    final RunningController server = new RunningController();

    @TempDir
    Path tmp;

    private String specDir;
    private ControllerClient client;

    @BeforeEach
    void applyTheExampleBesideObjectsOfOthers() {
        specDir = SpecProject.copy("hello", tmp).specDir().toString();
        client = server.client();
        assertThat(server.spec("apply", "--specdir", specDir).exitCode()).isZero();
        ServerObjects.routeOfAnotherDeployment(client, "other-route");
        ServerObjects.unmarkedTimer(client, "hand-made-timer");
    }

    @Test
    void listShowsTheDeploymentsObjectsAsATable() {
        RunningController.Run run = server.spec("list", "--specdir", specDir);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "KIND         NAME          NAMESPACE",
                "Environment  nodejs        default",
                "Package      hello-5d1c    default",
                "Function     hello         default",
                "HTTPTrigger  hello-route   default",
                "TimeTrigger  hello-hourly  default");
    }

    @Test
    void listByDeployIdNeedsNoSpecDirectory() {
        RunningController.Run run = server.spec("list", "--deployid", "uid-of-other-app", "--specdir", tmp.resolve("none").toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out().lines().toList()).containsExactly("KIND         NAME         NAMESPACE", "HTTPTrigger  other-route  default");
    }

    @Test
    void listIsScopedToANamespaceUnlessAllAreAsked() {
        assertThat(server.spec("list", "--specdir", specDir, "-n", "elsewhere").out()).contains("No objects of deployment uid " + UID + " in namespace elsewhere");
        assertThat(server.spec("list", "--specdir", specDir, "-n", "elsewhere", "--all-namespaces").out()).contains("Function     hello");
    }

    @Test
    void destroyDeletesOnlyThisDeploymentsObjectsDependentsFirst() {
        RunningController.Run run = server.spec("destroy", "--specdir", specDir);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "TimeTrigger default/hello-hourly deleted",
                "HTTPTrigger default/hello-route deleted",
                "Function default/hello deleted",
                "Package default/hello-5d1c deleted",
                "Environment default/nodejs deleted",
                "5 objects deleted.");
        assertThat(ServerObjects.versions(client)).containsOnlyKeys("HTTPTrigger default/other-route", "TimeTrigger default/hand-made-timer");
        assertThat(server.spec("list", "--specdir", specDir).out()).contains("No objects of deployment uid " + UID);
        assertThat(server.spec("destroy", "--specdir", specDir).out()).contains("Nothing to delete");
    }

    @Test
    void destroyReachesObjectsTheSpecsNoLongerHold() {
        SpecProject.copy("hello", tmp.resolve("fresh"));
        Path emptied = tmp.resolve("fresh/specs");
        for (String file : new String[]{"env-nodejs.yaml", "function-hello.yaml", "route-hello.yaml", "timetrigger-hello-hourly.yaml"}) {
            emptied.resolve(file).toFile().delete();
        }

        assertThat(server.spec("destroy", "--specdir", emptied.toString()).out()).contains("5 objects deleted.");
        assertThat(client.list(Kinds.FUNCTION, null, null).items()).isEmpty();
    }
}
