package io.fissile.spec;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SpecReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsAFissionGeneratedDirectory() {
        SpecProject project = SpecProject.copy("hello", tmp);

        SpecSet specs = project.read();

        assertThat(specs.problems()).isEmpty();
        assertThat(specs.deployment().name()).isEqualTo("hello");
        assertThat(specs.deployment().uid()).isEqualTo("6c8e9f2a-3b1d-4e5f-9a7b-2c4d6e8f0a1b");
        assertThat(specs.archives()).singleElement().satisfies(a -> {
            assertThat(a.value().name()).isEqualTo("hello-js-Xb3k");
            assertThat(a.location().toString()).endsWith("function-hello.yaml, document 1 (line 1)");
        });
        assertThat(specs.resources()).extracting(l -> l.value().kind() + " " + l.value().name())
                .containsExactly("Environment nodejs", "Package hello-5d1c", "Function hello",
                        "HTTPTrigger hello-route", "TimeTrigger hello-hourly");
        assertThat(specs.resources(Kinds.FUNCTION).get(0).location().toString())
                .isEqualTo(project.specDir().resolve("function-hello.yaml") + ", document 3 (line 28)");
    }

    @Test
    void objectsWithoutANamespaceGetTheTargetOneAndOthersKeepTheirs() {
        SpecProject project = SpecProject.copy("hello", tmp);
        project.edit("specs/function-hello.yaml", "  name: hello\n  namespace: default\n", "  name: hello\n");

        SpecSet specs = SpecReader.read(ReadOptions.of(project.specDir()).withNamespace("team-a", false));

        assertThat(specs.resources(Kinds.TIME_TRIGGER).get(0).value().namespace()).isEqualTo("team-a");
        assertThat(specs.resources(Kinds.ENVIRONMENT).get(0).value().namespace()).isEqualTo("default");
        Function fn = specs.resources(Kinds.FUNCTION).get(0).value();
        assertThat(fn.namespace()).isEqualTo("team-a");
        assertThat(fn.spec().packageRef().packageRef().namespace()).isEqualTo("team-a");
        assertThat(fn.spec().environment().namespace()).isEqualTo("team-a");
    }

    @Test
    void forceNamespaceMovesEveryObjectWithItsReferences() {
        SpecProject project = SpecProject.copy("hello", tmp);

        SpecSet specs = SpecReader.read(ReadOptions.of(project.specDir()).withNamespace("team-b", true));

        assertThat(specs.resources()).allSatisfy(l -> assertThat(l.value().namespace()).isEqualTo("team-b"));
        Package pkg = specs.resources(Kinds.PACKAGE).get(0).value();
        assertThat(pkg.spec().environment().namespace()).isEqualTo("team-b");
    }

    @Test
    void namesTheFileDocumentLineAndEveryBadFieldOfEveryFile() {
        SpecProject project = SpecProject.copy("hello", tmp);
        project.edit("specs/function-hello.yaml", "  environment:\n    name: nodejs\n    namespace: default\n  source:",
                "  environment:\n    namespace: default\n  source:");
        project.edit("specs/route-hello.yaml", "relativeurl: /hello", "relativeurl: hello");
        project.edit("specs/route-hello.yaml", "  - GET", "  - FETCH");

        SpecSet specs = project.read();

        String function = project.specDir().resolve("function-hello.yaml").toString();
        String route = project.specDir().resolve("route-hello.yaml").toString();
        assertThat(specs.problems()).extracting(SpecProblem::toString).containsExactlyInAnyOrder(
                function + ", document 2 (line 7): spec.environment.name: is required",
                route + ", document 1 (line 1): spec.methods[0]: \"FETCH\" is not one of GET, HEAD, POST, PUT, PATCH, DELETE, CONNECT, OPTIONS, TRACE",
                route + ", document 1 (line 1): spec.relativeurl: \"hello\" must start with /");
        assertThat(specs.hasErrors()).isTrue();
    }

    @Test
    void reportsUnreadableYamlAndWrongTypesWithTheirDocument() {
        SpecProject project = SpecProject.copy("hello", tmp);
        project.write("specs/broken.yaml", "apiVersion: fission.io/v1\nkind: Function\nmetadata: [unclosed\n");
        project.edit("specs/env-nodejs.yaml", "poolsize: 3", "poolsize: many");

        SpecSet specs = project.read();

        assertThat(specs.problems()).extracting(SpecProblem::toString).anySatisfy(p ->
                assertThat(p).startsWith(project.specDir().resolve("broken.yaml") + ", document 1 (line 1): ")
                        .contains("not valid JSON or YAML"));
        assertThat(specs.problems()).extracting(SpecProblem::toString).contains(
                project.specDir().resolve("env-nodejs.yaml") + ", document 1 (line 1): spec.poolsize: expected an integer but found \"many\"");
    }

    @Test
    void readsSubdirectoriesAndSkipsWhatSpecignoreNames() {
        SpecProject project = SpecProject.copy("hello", tmp);
        project.write("specs/extra/route-other.yaml", project.read("specs/route-hello.yaml")
                .replace("name: hello-route", "name: other-route").replace("relativeurl: /hello", "relativeurl: /other"));
        project.write("specs/drafts/route-draft.yaml", "this: [is not even valid");
        project.write("specs/.specignore", "# work in progress\ndrafts/\n");

        SpecSet specs = project.read();

        assertThat(specs.problems()).isEmpty();
        assertThat(specs.resources(Kinds.HTTP_TRIGGER)).extracting(l -> l.value().name())
                .containsExactly("other-route", "hello-route");
    }

    @Test
    void aCustomSpecignoreFileMustExist() {
        SpecProject project = SpecProject.copy("hello", tmp);

        SpecSet specs = SpecReader.read(ReadOptions.of(project.specDir()).withIgnoreFile("ignore-these"));

        assertThat(specs.problems()).extracting(SpecProblem::message)
                .singleElement().asString().contains("ignore-these").contains("does not exist");
    }

    @Test
    void documentsOfOtherToolsAreSkippedWithAWarning() {
        SpecProject project = SpecProject.copy("hello", tmp);
        project.write("specs/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n");

        SpecSet specs = project.read();

        assertThat(specs.hasErrors()).isFalse();
        assertThat(specs.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.message()).contains("Deployment").contains("not a Fission object");
        });
        assertThat(specs.resources()).hasSize(5);
    }

    @Test
    void aDirectoryWithoutDeploymentConfigIsAnError() {
        SpecProject project = SpecProject.copy("hello", tmp);
        project.delete("specs/fission-deployment-config.yaml");

        SpecSet specs = project.read();

        assertThat(specs.problems()).extracting(SpecProblem::message).singleElement().asString()
                .contains("no DeploymentConfig").contains("spec init");
    }

    @Test
    void aMissingDirectoryIsAnError() {
        SpecSet specs = SpecReader.read(tmp.resolve("nowhere"));

        assertThat(specs.problems()).extracting(SpecProblem::message).singleElement().asString()
                .contains("does not exist");
    }

    @Test
    void aTargetNamespaceThatIsNoDnsLabelIsAnError() {
        SpecProject project = SpecProject.copy("hello", tmp);

        SpecSet specs = SpecReader.read(ReadOptions.of(project.specDir()).withNamespace("Team_A", false));

        assertThat(specs.problems()).extracting(SpecProblem::message).singleElement().asString()
                .contains("namespace \"Team_A\" is not a DNS-1123 label");
    }
}
