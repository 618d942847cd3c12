package io.fissile.kubernetes.store;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Secret;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Objects written by Fission (or kubectl) are read and written back by Fissile without loss. */
class FissionObjectsTest extends StoreOnMockTestBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GenericKubernetesResource createdAsFissionDoes() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/fission/function.yaml")) {
            GenericKubernetesResource object = client.getKubernetesSerialization().unmarshal(in, GenericKubernetesResource.class);
            return client.genericKubernetesResources("fission.io/v1", "Function").inNamespace("default").resource(object).create();
        }
    }

    private GenericKubernetesResource rawFunction() {
        return client.genericKubernetesResources("fission.io/v1", "Function").inNamespace("default").withName("hello").get();
    }

    private JsonNode specOf(GenericKubernetesResource object) {
        return JSON.readTree(client.getKubernetesSerialization().asJson(object.getAdditionalProperties().get("spec")));
    }

    @Test
    void aFissionFunctionIsReadWithItsModelledFieldsAndKeepsTheRest() throws Exception {
        createdAsFissionDoes();

        Function function = store.get(Kinds.FUNCTION, "default", "hello").orElseThrow();

        assertThat(function.spec().environment().name()).isEqualTo("nodejs");
        assertThat(function.spec().packageRef().functionName()).isEqualTo("hello");
        assertThat(function.spec().invokeStrategy().executionStrategy().executorType()).isEqualTo("newdeploy");
        assertThat(function.spec().invokeStrategy().executionStrategy().maxScale()).isEqualTo(3);
        assertThat(function.metadata().annotation("other-tool/owner")).isEqualTo("team-a");
        assertThat(JSON.readTree(io.fissile.api.Codec.toJson(function.spec()))).isEqualTo(specOf(rawFunction()));
    }

    @Test
    void aFissionFunctionWrittenBackByFissileLosesNothing() throws Exception {
        JsonNode specAsWritten = specOf(createdAsFissionDoes());

        Function function = store.get(Kinds.FUNCTION, "default", "hello").orElseThrow();
        function.metadata().label("fissile/seen", "yes");
        store.update(function);

        GenericKubernetesResource after = rawFunction();
        assertThat(specOf(after)).isEqualTo(specAsWritten);
        assertThat(after.getMetadata().getLabels()).containsEntry("fissile/seen", "yes");
        assertThat(after.getMetadata().getAnnotations()).containsEntry("other-tool/owner", "team-a");
        assertThat(specOf(after).at("/InvokeStrategy/ExecutionStrategy/hpaMetrics/0/resource/target/averageUtilization").asInt())
                .isEqualTo(70);
    }

    @Test
    void secretsAreTheCoreKindWithTheirBytesAndStringDataFoldedIn() {
        Secret secret = Kinds.SECRET.create("shop", "db").type(Secret.OPAQUE)
                .data("key.bin", new byte[]{0, 1, (byte) 0xfe, (byte) 0xff})
                .stringData(Map.of("password", "s3cr3t"));

        store.create(secret);

        io.fabric8.kubernetes.api.model.Secret core = client.secrets().inNamespace("shop").withName("db").get();
        assertThat(core.getData()).containsEntry("password", "czNjcjN0").containsEntry("key.bin", "AAH+/w==");
        Secret read = store.get(Kinds.SECRET, "shop", "db").orElseThrow();
        assertThat(new String(read.data().get("password"), StandardCharsets.UTF_8)).isEqualTo("s3cr3t");
        assertThat(read.data().get("key.bin")).containsExactly(0, 1, 0xfe, 0xff);
        assertThat(read.stringData()).isNull();
    }

    @Test
    void configMapsWrittenWithKubectlAreReadByFissile() {
        client.configMaps().inNamespace("default").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata().withName("settings").endMetadata()
                .addToData("mode", "fast").build()).create();

        assertThat(store.get(Kinds.CONFIG_MAP, "default", "settings").orElseThrow().data()).containsEntry("mode", "fast");
    }
}
