package io.fissile.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks across documents, made without a server. */
class SpecValidatorTest {
    @TempDir
    Path tmp;

    private SpecProject project;

    private List<String> errors() {
        return SpecValidator.validate(project.read()).stream().filter(SpecProblem::isError).map(SpecProblem::toString).toList();
    }

    private List<String> warnings() {
        return SpecValidator.validate(project.read()).stream().filter(p -> !p.isError()).map(SpecProblem::toString).toList();
    }

    private String file(String name) {
        return project.specDir().resolve(name).toString();
    }

    @Test
    void theExampleHasNoProblems() {
        project = SpecProject.copy("hello", tmp);

        assertThat(SpecValidator.validate(project.read())).isEmpty();
    }

    @Test
    void anObjectDefinedTwiceIsAnErrorNamingBothPlaces() {
        project = SpecProject.copy("hello", tmp);
        project.write("specs/copy/function-hello.yaml", project.read("specs/function-hello.yaml")
                .replace("name: hello-js-Xb3k", "name: hello-js-copy").replace("archive://hello-js-Xb3k", "archive://hello-js-copy"));

        assertThat(errors()).contains(
                file("function-hello.yaml") + ", document 2 (line 7): duplicate Package \"default/hello-5d1c\": it is also defined in "
                        + file("copy/function-hello.yaml") + ", document 2 (line 7)",
                file("function-hello.yaml") + ", document 3 (line 28): duplicate Function \"default/hello\": it is also defined in "
                        + file("copy/function-hello.yaml") + ", document 3 (line 28)");
    }

    @Test
    void archivesMustBeDefinedAndUsed() {
        project = SpecProject.copy("hello", tmp);
        project.edit("specs/function-hello.yaml", "url: archive://hello-js-Xb3k", "url: archive://hello-js-typo");

        assertThat(errors()).containsExactly(
                file("function-hello.yaml") + ", document 1 (line 1): ArchiveUploadSpec \"hello-js-Xb3k\" is not used by any package",
                file("function-hello.yaml") + ", document 2 (line 7): spec.deployment.url: archive://hello-js-typo names no ArchiveUploadSpec in the specs");
    }

    @Test
    void aFunctionsPackageMustBeInTheSpecsAndItsNamespace() {
        project = SpecProject.copy("hello", tmp);
        project.edit("specs/function-hello.yaml", "      name: hello-5d1c\n      namespace: default", "      name: hello-5d1c\n      namespace: other");

        assertThat(errors()).containsExactly(file("function-hello.yaml") + ", document 3 (line 28): spec.package.packageref: "
                + "package \"other/hello-5d1c\" is outside the function's namespace \"default\"");
        assertThat(warnings()).containsExactly(file("function-hello.yaml") + ", document 2 (line 7): package \"hello-5d1c\" is not used by any function");
    }

    @Test
    void anEnvironmentMissingFromTheSpecsIsOnlyAWarning() {
        project = SpecProject.copy("hello", tmp);
        project.delete("specs/env-nodejs.yaml");

        assertThat(errors()).isEmpty();
        assertThat(warnings()).singleElement().asString().contains("function-hello.yaml, document 3 (line 28)")
                .contains("environment \"default/nodejs\" is not in the specs");
    }

    @Test
    void triggersMustReferToFunctionsOfTheSpecs() {
        project = SpecProject.copy("hello", tmp);
        project.edit("specs/route-hello.yaml", "    name: hello\n", "    name: goodbye\n");
        project.edit("specs/timetrigger-hello-hourly.yaml", "    name: hello\n", "    name: hi\n");

        assertThat(errors()).containsExactly(
                file("route-hello.yaml") + ", document 1 (line 1): spec.functionref: function \"default/goodbye\" is not in the specs",
                file("timetrigger-hello-hourly.yaml") + ", document 1 (line 1): spec.functionref: function \"default/hi\" is not in the specs");
    }

    @Test
    void anArchiveThatMatchesNothingIsAnErrorNamingIt() {
        project = SpecProject.copy("hello", tmp);
        project.edit("specs/function-hello.yaml", "- hello.js", "- src/*.js");

        assertThat(errors()).singleElement().asString()
                .startsWith(file("function-hello.yaml") + ", document 1 (line 1): ArchiveUploadSpec \"hello-js-Xb3k\" matches no files")
                .contains("src/*.js");
    }

    @Test
    void deprecatedRouteFieldsAreWarnedAbout() {
        project = SpecProject.copy("hello", tmp);
        project.edit("specs/route-hello.yaml", "method: \"\"", "method: GET");

        assertThat(errors()).isEmpty();
        assertThat(warnings()).containsExactly(file("route-hello.yaml") + ", document 1 (line 1): spec.method is deprecated: use spec.methods");
    }

    @Test
    void problemsOfEveryKindAreReportedTogether() {
        project = SpecProject.copy("hello", tmp);
        project.edit("specs/env-nodejs.yaml", "version: 2", "version: 7");
        project.edit("specs/route-hello.yaml", "    name: hello\n", "    name: goodbye\n");
        project.edit("specs/function-hello.yaml", "- hello.js", "- missing.js");

        assertThat(errors()).hasSize(3);
    }
}
