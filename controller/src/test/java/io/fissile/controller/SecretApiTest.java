package io.fissile.controller;

import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Secret;
import io.fissile.controller.ControllerFixture.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets and config maps over the API: values of secrets reach only those who ask for them. */
class SecretApiTest {
    private static final String PASSWORD = "hunter2-very-secret";
    /** The password in base64, as it would appear in JSON. */
    private static final String PASSWORD_BASE64 = "aHVudGVyMi12ZXJ5LXNlY3JldA==";
    private static final String SECRET_YAML = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: db
            type: Opaque
            data:
              password: %s
            stringData:
              user: admin-user
            """.formatted(PASSWORD_BASE64);

    @RegisterExtension
    final ControllerFixture server = new ControllerFixture();

    @Test
    void listingGettingAndWritingASecretShowKeysAndSizesButNeverValues() {
        Reply created = server.send("/v2/secrets", "POST", "application/yaml", SECRET_YAML);
        Reply listed = server.get("/v2/secrets?namespace=default");
        Reply got = server.get("/v2/secrets/db");
        Reply updated = server.send("/v2/secrets/db", "PUT", "application/yaml", SECRET_YAML.replace("admin-user", "root-user"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(updated.status()).isEqualTo(200);
        for (Reply reply : new Reply[]{created, listed, got, updated}) {
            assertThat(reply.body()).doesNotContain(PASSWORD).doesNotContain(PASSWORD_BASE64)
                    .doesNotContain("admin-user").doesNotContain("root-user").doesNotContain("\"data\"");
        }
        JsonNode item = listed.json().path("items").get(0);
        assertThat(listed.json().path("kind").asString()).isEqualTo("SecretList");
        assertThat(item.path("metadata").path("name").asString()).isEqualTo("db");
        assertThat(item.path("type").asString()).isEqualTo("Opaque");
        assertThat(item.path("dataSizes").path("password").asInt()).isEqualTo(PASSWORD.length());
        assertThat(item.path("dataSizes").path("user").asInt()).isEqualTo("admin-user".length());
    }

    @Test
    void aGetAskingToRevealAnswersTheValuesWithStringDataFoldedIn() {
        server.send("/v2/secrets", "POST", "application/yaml", SECRET_YAML);

        Reply revealed = server.get("/v2/secrets/db?reveal=true");
        Secret viaClient = server.client().revealSecret("default", "db").orElseThrow();

        assertThat(revealed.json().path("data").path("password").asString()).isEqualTo(PASSWORD_BASE64);
        assertThat(revealed.json().has("stringData")).isFalse();
        assertThat(new String(viaClient.data().get("user"), StandardCharsets.UTF_8)).isEqualTo("admin-user");
        assertThat(server.client().get(Kinds.SECRET, "default", "db").orElseThrow().data()).isNull();
    }

    @Test
    void aWatchOfSecretsCarriesNoValues() throws Exception {
        server.send("/v2/secrets", "POST", "application/yaml", SECRET_YAML);
        try (WatchLines watch = WatchLines.open(server, "/v2/secrets?watch=true")) {
            JsonNode added = watch.next();
            server.send("/v2/secrets/db", "PUT", "application/yaml", SECRET_YAML.replace("admin-user", "root-user"));
            JsonNode modified = watch.next();

            assertThat(WatchLines.type(added)).isEqualTo("ADDED");
            assertThat(WatchLines.type(modified)).isEqualTo("MODIFIED");
            for (JsonNode event : new JsonNode[]{added, modified}) {
                assertThat(event.path("object").has("data")).isFalse();
                assertThat(event.path("object").path("dataSizes").path("password").asInt()).isEqualTo(PASSWORD.length());
                assertThat(event.toString()).doesNotContain(PASSWORD_BASE64).doesNotContain("user\":\"");
            }
        }
    }

    @Test
    void aRedactedSecretSentBackIsRefusedRatherThanEmptyingTheSecret() {
        Reply created = server.send("/v2/secrets", "POST", "application/yaml", SECRET_YAML);

        Reply refused = server.put("/v2/secrets/db", created.body());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("details").get(0).path("field").asString()).isEqualTo("dataSizes");
        assertThat(server.client().revealSecret("default", "db").orElseThrow().data()).containsKey("password");
    }

    @Test
    void badBase64IsRefusedNamingTheKeyWithoutEchoingTheValue() {
        Reply refused = server.post("/v2/secrets",
                "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"db\"},\"data\":{\"password\":\"" + PASSWORD + "\"}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("details").get(0).path("field").asString()).isEqualTo("data.password");
        assertThat(refused.body()).doesNotContain(PASSWORD);
    }

    @Test
    void configMapsAreServedWithTheirValues() {
        Reply created = server.send("/v2/configmaps?namespace=shop", "POST", "application/yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings}
                data:
                  mode: fast
                """);

        assertThat(created.status()).isEqualTo(201);
        assertThat(server.get("/v2/configmaps?namespace=shop").json().path("items").get(0).path("data").path("mode").asString())
                .isEqualTo("fast");
        assertThat(server.get("/v2/configmaps/settings?namespace=shop").json().path("data").path("mode").asString())
                .isEqualTo("fast");
    }
}
