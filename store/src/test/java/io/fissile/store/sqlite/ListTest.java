package io.fissile.store.sqlite;

import io.fissile.store.testing.Samples;
import io.fissile.api.LabelSelector;
import io.fissile.api.ResourceList;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ListTest extends StoreTestBase {

    @BeforeEach
    void someFunctionsInTwoNamespaces() {
        create("team-b", "web", Map.of("app", "shop", "tier", "frontend"));
        create("default", "zeta", Map.of("app", "blog"));
        create("team-a", "api", Map.of("app", "shop", "tier", "backend"));
        create("default", "alpha", Map.of());
        create("team-a", "worker", Map.of("app", "shop", "tier", "backend", "canary", "true"));
        store.create(Samples.pendingPackage("default", "alpha"));
    }

    private void create(String namespace, String name, Map<String, String> labels) {
        Function function = Samples.function(namespace, name);
        labels.forEach(function.metadata()::label);
        store.create(function);
    }

    private List<String> names(String namespace, String selector) {
        return store.list(Kinds.FUNCTION, namespace, LabelSelector.parse(selector)).items().stream()
                .map(f -> f.namespace() + "/" + f.name())
                .toList();
    }

    @Test
    void allNamespacesAreListedByNamespaceThenName() {
        assertThat(names(null, "")).containsExactly(
                "default/alpha", "default/zeta", "team-a/api", "team-a/worker", "team-b/web");
    }

    @Test
    void oneNamespaceIsListedByName() {
        assertThat(names("team-a", "")).containsExactly("team-a/api", "team-a/worker");
        assertThat(names("", "")).containsExactly("default/alpha", "default/zeta");
        assertThat(names("nobody", "")).isEmpty();
    }

    @Test
    void listsHoldOneKindOnly() {
        assertThat(store.list(Kinds.PACKAGE, null, LabelSelector.everything()).items())
                .extracting(p -> p.name()).containsExactly("alpha");
        assertThat(store.list(Kinds.HTTP_TRIGGER, null, LabelSelector.everything()).items()).isEmpty();
    }

    @Test
    void labelSelectorsFilterByEveryKindOfRequirement() {
        assertThat(names(null, "app=shop")).containsExactly("team-a/api", "team-a/worker", "team-b/web");
        assertThat(names(null, "app==blog")).containsExactly("default/zeta");
        assertThat(names(null, "app!=shop")).containsExactly("default/alpha", "default/zeta");
        assertThat(names(null, "tier in (frontend, backend)")).containsExactly("team-a/api", "team-a/worker", "team-b/web");
        assertThat(names(null, "app notin (shop)")).containsExactly("default/alpha", "default/zeta");
        assertThat(names(null, "canary")).containsExactly("team-a/worker");
        assertThat(names(null, "!tier")).containsExactly("default/alpha", "default/zeta");
        assertThat(names("team-a", "app=shop,!canary")).containsExactly("team-a/api");
    }

    @Test
    void aNullSelectorSelectsEverything() {
        assertThat(store.list(Kinds.FUNCTION, "default", null).items()).hasSize(2);
    }

    @Test
    void aListCarriesItsKindAndTheVersionItIsConsistentWith() {
        ResourceList<Function> list = store.list(Kinds.FUNCTION, null, LabelSelector.everything());

        assertThat(list.kind()).isEqualTo("FunctionList");
        assertThat(list.apiVersion()).isEqualTo("fission.io/v1");
        assertThat(list.resourceVersion()).isEqualTo("6").isEqualTo(store.currentResourceVersion());

        store.delete(Kinds.FUNCTION, "default", "zeta");
        assertThat(store.list(Kinds.FUNCTION, null, LabelSelector.everything()).resourceVersion()).isEqualTo("7");
    }
}
