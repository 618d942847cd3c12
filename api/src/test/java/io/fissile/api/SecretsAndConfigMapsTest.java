package io.fissile.api;

import io.fissile.api.v1.ConfigMap;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Secret;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.fissile.api.ValidationTest.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsAndConfigMapsTest {

    @Test
    void aSecretWrittenForKubernetesReadsWithItsValuesAndStringDataFoldsIntoData() {
        Secret secret = (Secret) Codec.readObject("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: db
                  namespace: shop
                type: Opaque
                data:
                  password: czNjcjN0
                  user: b2xk
                stringData:
                  user: admin
                """);

        assertThat(Validation.validate(secret)).isEmpty();
        secret.normalize();
        assertThat(secret.stringData()).isNull();
        assertThat(new String(secret.data().get("password"), StandardCharsets.UTF_8)).isEqualTo("s3cr3t");
        assertThat(new String(secret.data().get("user"), StandardCharsets.UTF_8)).isEqualTo("admin");
        assertThat(Codec.toYaml(secret)).contains("password: czNjcjN0").contains("user: YWRtaW4=").doesNotContain("stringData");
    }

    @Test
    void aSecretWithoutATypeIsOpaqueOnceNormalized() {
        Secret secret = Kinds.SECRET.create("default", "db").data("k", new byte[]{1});
        assertThat(secret.normalize().type()).isEqualTo(Secret.OPAQUE);
    }

    @Test
    void badBase64NamesTheFieldAndNeverRepeatsTheValue() {
        assertThatThrownBy(() -> Codec.readObject("""
                apiVersion: v1
                kind: Secret
                metadata: {name: db}
                data:
                  password: hunter2-is-not-base64!
                """))
                .isInstanceOfSatisfying(InvalidResourceException.class, e ->
                        assertThat(e.errors()).extracting(FieldError::toString).containsExactly("data.password: expected base64 text"))
                .message().doesNotContain("hunter2");
    }

    @Test
    void aRedactedCopyTellsKeysAndSizesButNoValuesAndCannotBeWrittenBack() {
        Secret secret = Kinds.SECRET.create("default", "db")
                .data("password", "s3cr3t".getBytes(StandardCharsets.UTF_8));
        secret.stringData(new java.util.LinkedHashMap<>(java.util.Map.of("user", "admin")));

        Secret redacted = secret.redacted();

        assertThat(redacted.dataSizes()).containsExactly(java.util.Map.entry("password", 6), java.util.Map.entry("user", 5));
        assertThat(Codec.toJson(redacted)).doesNotContain("czNjcjN0").doesNotContain("admin").doesNotContain("s3cr3t");
        assertThat(secret.data()).containsKey("password");
        assertThat(Validation.validate(redacted)).extracting(FieldError::field).containsExactly("dataSizes");
    }

    @Test
    void keysMustBeFileNamesAndTheTotalAtMostOneMebibyte() {
        assertThat(problems("""
                apiVersion: v1
                kind: Secret
                metadata: {name: db}
                stringData:
                  "../etc/passwd": x
                  ok.key_1: y
                """)).singleElement().asString().startsWith("stringData.../etc/passwd: key \"../etc/passwd\" must be");

        ConfigMap big = Kinds.CONFIG_MAP.create("default", "big").data("blob", "x".repeat(1024 * 1024));
        assertThat(Validation.validate(big)).extracting(FieldError::message)
                .singleElement().asString().contains("at most 1048576 (1 MiB)");
    }

    @Test
    void aConfigMapKeyMayBeInDataOrBinaryDataButNotBoth() {
        assertThat(problems("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings}
                data:
                  mode: fast
                binaryData:
                  mode: AAE=
                  logo: iVBORw==
                """)).containsExactly("binaryData.mode: is also a key of data; a key may be in only one of them");
    }

    @Test
    void aConfigMapRoundTripsThroughYamlWithTextAndBytes() {
        ConfigMap map = Kinds.CONFIG_MAP.create("default", "settings").data("mode", "fast").binaryData("logo", new byte[]{0, (byte) 0xff});

        ConfigMap read = Codec.readResource(Codec.toYaml(map), Kinds.CONFIG_MAP);

        assertThat(read.apiVersion()).isEqualTo("v1");
        assertThat(read.data()).containsEntry("mode", "fast");
        assertThat(read.binaryData().get("logo")).containsExactly(0, 0xff);
        assertThat(Codec.sameContent(read.content(), map.content())).isTrue();
    }

    @Test
    void aSecretUnderAFissionApiVersionIsRefused() {
        assertThatThrownBy(() -> Codec.readObject("apiVersion: fission.io/v1\nkind: Secret\nmetadata: {name: db}\n"))
                .hasMessageContaining("apiVersion: expected \"v1\" for kind Secret");
    }
}
