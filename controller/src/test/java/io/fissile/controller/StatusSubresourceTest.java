package io.fissile.controller;

import io.fissile.controller.ControllerFixture.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class StatusSubresourceTest {
    @RegisterExtension
    final ControllerFixture server = new ControllerFixture();

    @Test
    void aPackageStartsPendingWhenItHasSourceToBuildAndNoneWhenItHasADeployment() {
        Reply withSource = server.post("/v2/packages", Manifests.packageWithSource("src-pkg"));
        assertThat(withSource.json().path("status").path("buildstatus").asString()).isEqualTo("pending");

        Reply withDeployment = server.post("/v2/packages", Manifests.packageWithArchive("deploy-pkg", "a".repeat(64)));
        assertThat(withDeployment.json().path("status").path("buildstatus").asString()).isEqualTo("none");

        assertThat(server.get("/v2/packages/src-pkg").json().path("status").path("buildstatus").asString()).isEqualTo("pending");
    }

    @Test
    void aStatusWriteChangesTheStatusOnlyAndAnObjectWriteKeepsIt() {
        server.post("/v2/packages", Manifests.packageWithSource("pkg"));

        String builtWithOtherSpec = Manifests.packageWithSource("pkg")
                .replace("\"source\"", "\"buildcmd\":\"make\",\"source\"")
                .replace("}}}", "}},\"status\":{\"buildstatus\":\"succeeded\",\"buildlog\":\"done\"}}");
        Reply statusWritten = server.put("/v2/packages/pkg/status", builtWithOtherSpec);
        assertThat(statusWritten.status()).as(statusWritten.body()).isEqualTo(200);

        JsonNode afterStatus = server.get("/v2/packages/pkg").json();
        assertThat(afterStatus.path("status").path("buildstatus").asString()).isEqualTo("succeeded");
        assertThat(afterStatus.path("status").path("buildlog").asString()).isEqualTo("done");
        assertThat(afterStatus.path("spec").has("buildcmd")).isFalse();
        assertThat(afterStatus.path("metadata").path("generation").asLong()).isEqualTo(1);

        String failedWithNewSpec = Manifests.packageWithSource("pkg")
                .replace("\"source\"", "\"buildcmd\":\"make all\",\"source\"")
                .replace("}}}", "}},\"status\":{\"buildstatus\":\"failed\"}}");
        Reply objectWritten = server.put("/v2/packages/pkg", failedWithNewSpec);
        assertThat(objectWritten.status()).isEqualTo(200);

        JsonNode afterObject = server.get("/v2/packages/pkg").json();
        assertThat(afterObject.path("spec").path("buildcmd").asString()).isEqualTo("make all");
        assertThat(afterObject.path("status").path("buildstatus").asString()).isEqualTo("succeeded");
    }

    @Test
    void aStatusWriteNeedsNoSpecButItsStatusIsValidated() {
        server.post("/v2/packages", Manifests.packageWithSource("pkg"));

        Reply statusOnly = server.put("/v2/packages/pkg/status", """
                {"metadata":{"name":"pkg"},"status":{"buildstatus":"running"}}""");
        assertThat(statusOnly.status()).as(statusOnly.body()).isEqualTo(200);
        assertThat(statusOnly.json().path("status").path("buildstatus").asString()).isEqualTo("running");
        assertThat(statusOnly.json().path("spec").path("source").path("type").asString()).isEqualTo("literal");

        Reply bogus = server.put("/v2/packages/pkg/status", """
                {"metadata":{"name":"pkg"},"status":{"buildstatus":"exploded"}}""");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.json().path("details").get(0).path("field").asString()).isEqualTo("status.buildstatus");

        Reply otherName = server.put("/v2/packages/pkg/status", """
                {"metadata":{"name":"other"},"status":{"buildstatus":"failed"}}""");
        assertThat(otherName.status()).isEqualTo(400);
        assertThat(otherName.json().path("details").get(0).path("field").asString()).isEqualTo("metadata.name");

        assertThat(server.put("/v2/packages/missing/status", "{\"status\":{\"buildstatus\":\"failed\"}}").status())
                .isEqualTo(404);
    }
}
