package io.fissile.controller;

import io.fissile.controller.ControllerFixture.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ListTest {
    @RegisterExtension
    final ControllerFixture server = new ControllerFixture();

    @BeforeEach
    void someEnvironmentsInSomeNamespaces() {
        server.post("/v2/environments", Manifests.environmentIn("team-a", "web", "{\"tier\":\"web\"}"));
        server.post("/v2/environments", Manifests.environmentIn("team-a", "db", "{\"tier\":\"db\"}"));
        server.post("/v2/environments", Manifests.environmentIn("team-b", "cache", "{\"tier\":\"cache\"}"));
        server.post("/v2/environments", Manifests.environment("plain"));
    }

    @Test
    void withoutANamespaceEveryNamespaceIsListedWithTheVersionOfTheList() {
        Reply list = server.get("/v2/environments");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("apiVersion").asString()).isEqualTo("fission.io/v1");
        assertThat(list.json().path("kind").asString()).isEqualTo("EnvironmentList");
        assertThat(list.json().path("metadata").path("resourceVersion").asString()).isNotEmpty();
        assertThat(names(list)).containsExactlyInAnyOrder("plain", "web", "db", "cache");
    }

    @Test
    void aNamespaceNarrowsTheList() {
        assertThat(names(server.get("/v2/environments?namespace=team-a"))).containsExactlyInAnyOrder("web", "db");
        assertThat(names(server.get("/v2/environments?namespace=default"))).containsExactly("plain");
        assertThat(names(server.get("/v2/environments?namespace=nobody"))).isEmpty();
    }

    @Test
    void aLabelSelectorNarrowsTheList() {
        assertThat(names(server.get("/v2/environments?labelSelector=tier%3Dweb"))).containsExactly("web");
        assertThat(names(server.get("/v2/environments?labelSelector=" + encode("tier in (web,cache)"))))
                .containsExactlyInAnyOrder("web", "cache");
        assertThat(names(server.get("/v2/environments?namespace=team-a&labelSelector=" + encode("tier!=web"))))
                .containsExactly("db");
        assertThat(names(server.get("/v2/environments?labelSelector=tier"))).hasSize(3);
    }

    @Test
    void aSelectorThatCannotBeReadIsABadRequest() {
        Reply bad = server.get("/v2/environments?labelSelector=" + encode("tier in web"));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("reason").asString()).isEqualTo("BadRequest");
        assertThat(bad.json().path("message").asString()).contains("labelSelector");
    }

    private static List<String> names(Reply list) {
        return list.json().path("items").valueStream().map(item -> item.path("metadata").path("name").asString()).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
