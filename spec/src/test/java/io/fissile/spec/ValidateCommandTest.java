package io.fissile.spec;

import io.fissile.client.ControllerClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {
    @RegisterExtension
    final RunningController server = new RunningController();

    @TempDir
    Path tmp;

    private static RunningController.Run withoutServer(String... args) {
        return RunningController.Run.of(new SpecCommand(() -> new ControllerClient(URI.create("http://127.0.0.1:1"))), args);
    }

    @Test
    void listsEveryErrorOfEveryFileAndFails() {
        SpecProject project = SpecProject.copy("hello", tmp);
        project.edit("specs/env-nodejs.yaml", "version: 2", "version: 9");
        project.edit("specs/route-hello.yaml", "    name: hello\n", "    name: goodbye\n");
        project.edit("specs/function-hello.yaml", "functionTimeout: 60", "functionTimeout: -1");
        project.write("specs/broken.yml", "kind: Function\napiVersion: fission.io/v1\nspec: [\n");

        RunningController.Run run = withoutServer("validate", "--specdir", project.specDir().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        String specs = project.specDir().toString();
        assertThat(run.err()).contains(
                "error: " + specs + "/broken.yml, document 1 (line 1): ",
                "error: " + specs + "/env-nodejs.yaml, document 1 (line 1): spec.version: must be between 1 and 3, not 9",
                "error: " + specs + "/function-hello.yaml, document 3 (line 28): spec.functionTimeout: must be at least 0, not -1",
                "error: " + specs + "/route-hello.yaml, document 1 (line 1): spec.functionref: function \"default/goodbye\" is not in the specs",
                "4 errors.");
    }

    @Test
    void saysNoErrorsAndThatTheServerWasNotConsultedWhenItIsDown() {
        SpecProject project = SpecProject.copy("hello", tmp);

        RunningController.Run run = withoutServer("validate", "--specdir", project.specDir().toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("the server cannot be reached", "Validation successful: no errors.");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void checksConflictsWithTheServerWhenItIsUp() {
        SpecProject project = SpecProject.copy("hello", tmp);
        ServerObjects.nodejsEnvironmentOwnedBy(server.client(), "uid-of-other-app");

        RunningController.Run run = server.spec("validate", "--specdir", project.specDir().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("cannot be reached");
        assertThat(run.err()).contains("env-nodejs.yaml, document 1 (line 1): Environment \"default/nodejs\" already exists on the server");
        assertThat(server.spec("validate", "--specdir", project.specDir().toString(), "--allowconflicts").exitCode()).isZero();
    }

    @Test
    void anEnvironmentOnTheServerSatisfiesAFunctionOfTheSpecs() {
        SpecProject project = SpecProject.copy("hello", tmp);
        project.delete("specs/env-nodejs.yaml");
        String dir = project.specDir().toString();

        assertThat(withoutServer("validate", "--specdir", dir).err()).contains("environment \"default/nodejs\" is not in the specs");

        ServerObjects.nodejsEnvironmentOwnedBy(server.client(), null);
        RunningController.Run run = server.spec("validate", "--specdir", dir);
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.all()).doesNotContain("warning");
    }
}
