package io.fissile.kubernetes.store;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fissile.api.Kind;
import io.fissile.api.v1.Kinds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/crds holds one CRD per Fission kind, named as Fission names it, keeping unknown fields. */
class CrdFilesTest {
    private static KubernetesClient parser;

    @BeforeAll
    static void parser() {
        parser = new KubernetesClientBuilder().build();
    }

    @AfterAll
    static void close() {
        parser.close();
    }

    private static Map<String, CustomResourceDefinition> byKind() {
        return MockCluster.crdFiles().stream().map((Path f) -> MockCluster.load(parser, f))
                .collect(Collectors.toMap(c -> c.getSpec().getNames().getKind(), c -> c));
    }

    @Test
    void everyFissionKindHasItsCrdAndNothingElseIsThere() {
        List<String> fissionKinds = Kinds.all().stream().filter(k -> k.apiVersion().equals(Kinds.API_VERSION))
                .map(Kind::name).toList();

        assertThat(byKind().keySet()).containsExactlyInAnyOrderElementsOf(fissionKinds);
    }

    @Test
    void eachCrdHasFissionsNamesScopeAndStatusSubresource() {
        Map<String, CustomResourceDefinition> crds = byKind();
        for (Kind<?> kind : Kinds.all()) {
            if (!kind.apiVersion().equals(Kinds.API_VERSION)) continue;
            CustomResourceDefinition crd = crds.get(kind.name());
            assertThat(crd.getMetadata().getName()).isEqualTo(kind.plural() + ".fission.io");
            assertThat(crd.getSpec().getGroup()).isEqualTo("fission.io");
            assertThat(crd.getSpec().getNames().getPlural()).isEqualTo(kind.plural());
            assertThat(crd.getSpec().getNames().getListKind()).isEqualTo(kind.name() + "List");
            assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
            CustomResourceDefinitionVersion v1 = crd.getSpec().getVersions().getFirst();
            assertThat(v1.getName()).isEqualTo("v1");
            assertThat(v1.getStorage()).isTrue();
            assertThat(v1.getSubresources().getStatus()).as(kind + " status subresource").isNotNull();
            Map<String, JSONSchemaProps> top = v1.getSchema().getOpenAPIV3Schema().getProperties();
            assertThat(top.get("spec").getXKubernetesPreserveUnknownFields()).as(kind + " spec keeps unknown fields").isTrue();
            assertThat(top.get("status").getXKubernetesPreserveUnknownFields()).as(kind + " status keeps unknown fields").isTrue();
        }
        assertThat(crds.get("Function").getSpec().getNames().getShortNames()).containsExactly("fn");
        assertThat(crds.get("Package").getSpec().getNames().getShortNames()).containsExactly("pkg");
    }

    @Test
    void everyNestedObjectOfASpecKeepsUnknownFields() {
        for (CustomResourceDefinition crd : byKind().values()) {
            JSONSchemaProps spec = crd.getSpec().getVersions().getFirst().getSchema().getOpenAPIV3Schema().getProperties().get("spec");
            spec.getProperties().forEach((field, schema) -> {
                JSONSchemaProps object = "array".equals(schema.getType()) ? schema.getItems().getSchema() : schema;
                boolean freeForm = "object".equals(object.getType()) && object.getAdditionalProperties() == null;
                if (freeForm) {
                    assertThat(object.getXKubernetesPreserveUnknownFields())
                            .as(crd.getSpec().getNames().getKind() + " spec." + field + " keeps unknown fields").isTrue();
                }
            });
        }
    }
}
