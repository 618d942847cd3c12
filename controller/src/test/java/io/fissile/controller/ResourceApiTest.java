package io.fissile.controller;

import io.fissile.controller.ControllerFixture.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceApiTest {
    @RegisterExtension
    final ControllerFixture server = new ControllerFixture();

    @Test
    void anEnvironmentIsCreatedReadUpdatedAndDeleted() {
        Reply created = server.post("/v2/environments", Manifests.environment("nodejs"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode meta = created.json().path("metadata");
        assertThat(meta.path("namespace").asString()).isEqualTo("default");
        assertThat(meta.path("uid").asString()).isNotEmpty();
        assertThat(meta.path("resourceVersion").asString()).isNotEmpty();
        assertThat(created.header("Content-Type")).startsWith("application/json");

        Reply read = server.get("/v2/environments/nodejs");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created.json());

        Reply updated = server.put("/v2/environments/nodejs?namespace=default",
                Manifests.environment("nodejs").replace("\"poolsize\":3", "\"poolsize\":5"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("spec").path("poolsize").asInt()).isEqualTo(5);
        assertThat(updated.json().path("metadata").path("generation").asLong()).isEqualTo(2);
        assertThat(server.get("/v2/environments/nodejs").json().path("spec").path("poolsize").asInt()).isEqualTo(5);

        Reply deleted = server.delete("/v2/environments/nodejs");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("metadata").path("name").asString()).isEqualTo("nodejs");

        Reply gone = server.get("/v2/environments/nodejs");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("status").asInt()).isEqualTo(404);
        assertThat(gone.json().path("reason").asString()).isEqualTo("NotFound");
        assertThat(gone.json().path("message").asString()).contains("default/nodejs");
        assertThat(server.delete("/v2/environments/nodejs").status()).isEqualTo(404);
    }

    static Stream<Arguments> kindsAndTheirPaths() {
        return Stream.of(
                Arguments.of("environments", "environments", Manifests.environment("env-a")),
                Arguments.of("packages", "packages", Manifests.packageWithSource("pkg-a")),
                Arguments.of("functions", "functions", Manifests.function("fn-a")),
                Arguments.of("httptriggers", "httptriggers", Manifests.httpTrigger("route-a")),
                Arguments.of("timetriggers", "timetriggers", Manifests.timeTrigger("timer-a")),
                Arguments.of("messagequeuetriggers", "messagequeuetriggers", Manifests.messageQueueTrigger("mqt-a")),
                Arguments.of("kuberneteswatchtriggers", "kuberneteswatchtriggers", Manifests.watchTrigger("watch-a")),
                Arguments.of("canaryconfigs", "canaryconfigs", Manifests.canaryConfig("canary-a")),
                Arguments.of("triggers/http", "httptriggers", Manifests.httpTrigger("route-b")),
                Arguments.of("triggers/time", "timetriggers", Manifests.timeTrigger("timer-b")),
                Arguments.of("triggers/messagequeue", "messagequeuetriggers", Manifests.messageQueueTrigger("mqt-b")),
                Arguments.of("watches", "kuberneteswatchtriggers", Manifests.watchTrigger("watch-b")));
    }

    @ParameterizedTest(name = "/v2/{0}")
    @MethodSource("kindsAndTheirPaths")
    void everyKindIsServedAtItsPathAndTheSameObjectsAppearUnderItsPlural(String path, String plural, String manifest) {
        Reply created = server.post("/v2/" + path, manifest);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String name = created.json().path("metadata").path("name").asString();

        assertThat(server.get("/v2/" + path + "/" + name).status()).isEqualTo(200);
        assertThat(server.get("/v2/" + plural + "/" + name).json()).isEqualTo(created.json());
        Reply list = server.get("/v2/" + path);
        assertThat(list.json().path("items")).hasSize(1);
        assertThat(list.json().path("kind").asString()).isEqualTo(created.json().path("kind").asString() + "List");

        assertThat(server.put("/v2/" + path + "/" + name, manifest).status()).isEqualTo(200);
        assertThat(server.delete("/v2/" + path + "/" + name).status()).isEqualTo(200);
        assertThat(server.get("/v2/" + plural + "/" + name).status()).isEqualTo(404);
    }

    @Test
    void yamlBodiesAreReadWhenTheContentTypeSaysYaml() {
        String yaml = """
                apiVersion: fission.io/v1
                kind: Function
                metadata:
                  name: hello
                  labels:
                    app: greeter
                spec:
                  environment:
                    name: nodejs
                  package:
                    packageref:
                      name: hello-pkg
                    functionName: hello
                  functionTimeout: 30
                """;
        Reply created = server.send("/v2/functions", "POST", "application/yaml", yaml);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Content-Type")).startsWith("application/json");
        assertThat(created.json().path("metadata").path("labels").path("app").asString()).isEqualTo("greeter");
        assertThat(created.json().path("spec").path("functionTimeout").asInt()).isEqualTo(30);

        Reply updated = server.send("/v2/functions/hello", "PUT", "text/yaml; charset=utf-8",
                yaml.replace("functionTimeout: 30", "functionTimeout: 90"));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(server.get("/v2/functions/hello").json().path("spec").path("functionTimeout").asInt()).isEqualTo(90);
    }

    @Test
    void anInvalidObjectIsRefusedWithEveryFieldAtFaultAndNothingIsStored() {
        String broken = """
                {"apiVersion":"fission.io/v1","kind":"Function","metadata":{"name":"Not_A_Label"},
                 "spec":{"functionTimeout":-1}}""";

        Reply refused = server.post("/v2/functions", broken);

        assertThat(refused.status()).isEqualTo(400);
        JsonNode error = refused.json();
        assertThat(error.path("status").asInt()).isEqualTo(400);
        assertThat(error.path("reason").asString()).isEqualTo("Invalid");
        assertThat(error.path("message").asString()).contains("Function", "is invalid");
        assertThat(error.path("details").valueStream().map(d -> d.path("field").asString()))
                .contains("metadata.name", "spec.environment.name", "spec.package.packageref.name", "spec.functionTimeout");
        assertThat(error.path("details").valueStream().map(d -> d.path("message").asString()))
                .allMatch(message -> !message.isEmpty());
        assertThat(server.get("/v2/functions").json().path("items")).isEmpty();
    }

    @Test
    void aBodyThatCannotBeReadIsABadRequestAndAFieldOfTheWrongTypeIsNamed() {
        Reply unreadable = server.post("/v2/environments", "{\"apiVersion\": \"fission.io/v1\", \"metadata\": {");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().path("reason").asString()).isEqualTo("BadRequest");

        Reply yamlAsJson = server.post("/v2/environments", "metadata:\n  name: x\n");
        assertThat(yamlAsJson.status()).isEqualTo(400);
        assertThat(yamlAsJson.json().path("message").asString()).contains("application/yaml");

        Reply wrongType = server.post("/v2/environments",
                Manifests.environment("nodejs").replace("\"poolsize\":3", "\"poolsize\":\"many\""));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().path("reason").asString()).isEqualTo("Invalid");
        assertThat(wrongType.json().path("details").get(0).path("field").asString()).isEqualTo("spec.poolsize");

        Reply wrongKind = server.post("/v2/functions", Manifests.environment("nodejs"));
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.json().path("details").get(0).path("field").asString()).isEqualTo("kind");
    }

    @Test
    void creatingWhatExistsIsAConflictAndSoIsAnUpdateFromAStaleVersion() {
        Reply first = server.post("/v2/environments", Manifests.environment("nodejs"));
        Reply again = server.post("/v2/environments", Manifests.environment("nodejs"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("reason").asString()).isEqualTo("AlreadyExists");

        String readVersion = first.json().path("metadata").path("resourceVersion").asString();
        String withVersion = Manifests.environment("nodejs")
                .replace("\"name\":\"nodejs\"", "\"name\":\"nodejs\",\"resourceVersion\":\"" + readVersion + "\"");
        assertThat(server.put("/v2/environments/nodejs", withVersion.replace("\"poolsize\":3", "\"poolsize\":4")).status())
                .isEqualTo(200);

        Reply stale = server.put("/v2/environments/nodejs", withVersion.replace("\"poolsize\":3", "\"poolsize\":9"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("reason").asString()).isEqualTo("Conflict");
        assertThat(server.get("/v2/environments/nodejs").json().path("spec").path("poolsize").asInt()).isEqualTo(4);
    }

    @Test
    void updatingWhatDoesNotExistIsNotFound() {
        Reply missing = server.put("/v2/environments/nodejs", Manifests.environment("nodejs"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("reason").asString()).isEqualTo("NotFound");
    }

    @Test
    void theNameInThePathMustBeTheBodysAndABodyWithoutOneTakesIt() {
        server.post("/v2/environments", Manifests.environment("nodejs"));

        Reply mismatch = server.put("/v2/environments/nodejs", Manifests.environment("python"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().path("details").get(0).path("field").asString()).isEqualTo("metadata.name");
        assertThat(mismatch.json().path("details").get(0).path("message").asString()).contains("python", "nodejs");

        Reply nameless = server.put("/v2/environments/nodejs",
                Manifests.environment("nodejs").replace("\"name\":\"nodejs\"", "\"labels\":{\"team\":\"web\"}"));
        assertThat(nameless.status()).as(nameless.body()).isEqualTo(200);
        assertThat(nameless.json().path("metadata").path("name").asString()).isEqualTo("nodejs");
        assertThat(nameless.json().path("metadata").path("labels").path("team").asString()).isEqualTo("web");
    }

    @Test
    void theNamespaceComesFromTheBodyOrTheQueryAndTheyMustAgree() {
        Reply fromQuery = server.post("/v2/environments?namespace=team-a", Manifests.environment("nodejs"));
        assertThat(fromQuery.status()).isEqualTo(201);
        assertThat(fromQuery.json().path("metadata").path("namespace").asString()).isEqualTo("team-a");
        assertThat(server.get("/v2/environments/nodejs?namespace=team-a").status()).isEqualTo(200);
        assertThat(server.get("/v2/environments/nodejs").status()).isEqualTo(404);

        String inTeamB = Manifests.environmentIn("team-b", "python", "{}");
        Reply fromBody = server.post("/v2/environments", inTeamB);
        assertThat(fromBody.json().path("metadata").path("namespace").asString()).isEqualTo("team-b");

        Reply disagreeing = server.put("/v2/environments/python?namespace=team-c", inTeamB);
        assertThat(disagreeing.status()).isEqualTo(400);
        assertThat(disagreeing.json().path("details").get(0).path("field").asString()).isEqualTo("metadata.namespace");
        assertThat(server.post("/v2/environments?namespace=team-c", Manifests.environmentIn("team-b", "ruby", "{}")).status())
                .isEqualTo(400);
        assertThat(server.get("/v2/environments/ruby?namespace=team-b").status()).isEqualTo(404);

        assertThat(server.delete("/v2/environments/nodejs?namespace=team-a").status()).isEqualTo(200);
    }

    @Test
    void aMethodAPathDoesNotTakeIs405WithTheMethodsItDoes() {
        Reply patch = server.send("/v2/functions", "PATCH", "application/json", "{}");
        assertThat(patch.status()).isEqualTo(405);
        assertThat(patch.json().path("reason").asString()).isEqualTo("MethodNotAllowed");
        assertThat(patch.header("Allow")).isEqualTo("GET, POST");

        Reply deleteAll = server.delete("/v2/functions");
        assertThat(deleteAll.status()).isEqualTo(405);

        Reply postToItem = server.post("/v2/triggers/http/route", Manifests.httpTrigger("route"));
        assertThat(postToItem.status()).isEqualTo(405);
        assertThat(postToItem.header("Allow")).isEqualTo("GET, PUT, DELETE");
    }

    @Test
    void anUnknownResourceTypeIs404NamingTheKnownOnes() {
        Reply unknown = server.get("/v2/lambdas");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("reason").asString()).isEqualTo("NotFound");
        assertThat(unknown.json().path("message").asString())
                .contains("lambdas", "environments", "functions", "canaryconfigs", "triggers/http", "watches");

        assertThat(server.get("/v2/functions/a/b/c").status()).isEqualTo(404);
        assertThat(server.get("/nothing/here").json().path("reason").asString()).isEqualTo("NotFound");
    }

    @Test
    void namesArePercentDecodedFromThePath() {
        server.post("/v2/environments", Manifests.environment("nodejs"));
        assertThat(server.get("/v2/environments/node%6As").status()).isEqualTo(200);
    }

    @Test
    void aBadQueryIsABadRequest() {
        Reply badWatch = server.get("/v2/functions?watch=maybe");
        assertThat(badWatch.status()).isEqualTo(400);
        assertThat(badWatch.json().path("reason").asString()).isEqualTo("BadRequest");
        assertThat(badWatch.json().path("message").asString()).contains("watch");
    }

    @Test
    void aResourceBodyOverFourMebibytesIs413AndNothingIsStored() {
        String huge = Manifests.environment("nodejs")
                .replace("\"name\":\"nodejs\"", "\"name\":\"nodejs\",\"annotations\":{\"blob\":\"" + "x".repeat(5 << 20) + "\"}");
        byte[] hugeBytes = huge.getBytes();

        Reply declared = server.post("/v2/environments", huge);
        Reply chunked = server.send(HttpRequest.newBuilder(server.uri("/v2/environments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(hugeBytes))));

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().path("reason").asString()).isEqualTo("TooLarge");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.json().path("reason").asString()).isEqualTo("TooLarge");
        assertThat(server.get("/v2/environments").json().path("items")).isEmpty();
    }

    @Test
    void aChunkedBodyIsReadToItsEnd() {
        byte[] manifest = Manifests.environment("nodejs").getBytes();
        Reply created = server.send(HttpRequest.newBuilder(server.uri("/v2/environments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(manifest))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
}
