package io.fissile.kubernetes.deploy;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** values.schema.json, which Helm checks values against before it renders: it takes the defaults and names what is wrong. */
class ValuesSchemaTest {

    private final ChartRenderer renderer = new ChartRenderer(Repository.chart());
    private final ValuesSchema schema = ValuesSchema.of(Repository.chart());

    @Test
    void theDefaultValuesAreValid() {
        assertThat(schema.problems(renderer.defaultValues())).isEmpty();
    }

    @Test
    void renderingRefusesValuesTheSchemaRejects() {
        assertThatThrownBy(() -> renderer.render(Map.of("ports", Map.of("controller", 0))))
                .hasMessageContaining("values.ports.controller: is below 1");
    }

    @Test
    void aMisspeltValueIsRejectedByName() {
        assertThat(schema.problems(with("image", Map.of("prefx", "acme"))))
                .containsExactly("values.image.prefx: is not a value of this chart");
        assertThat(schema.problems(with("routr", Map.of("replicas", 3))))
                .containsExactly("values.routr: is not a value of this chart");
    }

    @Test
    void badPortsNamespacesAndQuantitiesAreRejected() {
        assertThat(schema.problems(with("ports", Map.of("router", 70000)))).containsExactly("values.ports.router: is above 65535");
        assertThat(schema.problems(with("functionNamespace", "Functions")))
                .singleElement().asString().startsWith("values.functionNamespace: \"Functions\" does not match");
        assertThat(schema.problems(with("controlPlane", Map.of("resources", Map.of("limits", Map.of("memory", "1 GB"))))))
                .singleElement().asString().startsWith("values.controlPlane.resources.limits.memory: \"1 GB\" does not match");
        assertThat(schema.problems(with("router", Map.of("serviceType", "Ingress"))))
                .containsExactly("values.router.serviceType: must be one of [ClusterIP, NodePort, LoadBalancer]");
        assertThat(schema.problems(with("image", Map.of("tag", 1.2))))
                .containsExactly("values.image.tag: must be string, not Double");
    }

    /** The default values with one override merged in, as --set would. */
    private Map<String, Object> with(String key, Object value) {
        return ChartRenderer.merge(renderer.defaultValues(), Map.of(key, value));
    }
}
