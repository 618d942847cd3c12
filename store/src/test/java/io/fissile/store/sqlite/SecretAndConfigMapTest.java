package io.fissile.store.sqlite;

import io.fissile.store.testing.RecordingListener;
import io.fissile.api.WatchEvent;
import io.fissile.api.v1.ConfigMap;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Secret;
import io.fissile.store.Watch;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SecretAndConfigMapTest extends StoreTestBase {

    private static Secret secret(String namespace, String name, String password) {
        return Kinds.SECRET.create(namespace, name).type(Secret.OPAQUE)
                .data("password", password.getBytes(StandardCharsets.UTF_8))
                .data("key.bin", new byte[]{0, 1, (byte) 0xfe, (byte) 0xff});
    }

    @Test
    void secretValuesSurviveAReopenByteForByte() {
        store.create(secret("shop", "db", "s3cr3t"));

        reopen();

        Secret read = store.get(Kinds.SECRET, "shop", "db").orElseThrow();
        assertThat(read.apiVersion()).isEqualTo("v1");
        assertThat(read.kind()).isEqualTo("Secret");
        assertThat(read.type()).isEqualTo(Secret.OPAQUE);
        assertThat(new String(read.data().get("password"), StandardCharsets.UTF_8)).isEqualTo("s3cr3t");
        assertThat(read.data().get("key.bin")).containsExactly(0, 1, 0xfe, 0xff);
    }

    @Test
    void changingAValueIsAWriteAndRewritingTheSameValuesIsNot() {
        Secret created = store.create(secret("default", "db", "one"));

        Secret same = store.update(secret("default", "db", "one"));
        Secret changed = store.update(secret("default", "db", "two"));

        assertThat(same.metadata().resourceVersion()).isEqualTo(created.metadata().resourceVersion());
        assertThat(Long.parseLong(changed.metadata().resourceVersion()))
                .isGreaterThan(Long.parseLong(created.metadata().resourceVersion()));
        assertThat(new String(store.get(Kinds.SECRET, "default", "db").orElseThrow().data().get("password"),
                StandardCharsets.UTF_8)).isEqualTo("two");
    }

    @Test
    void configMapsAreListedPerNamespaceWithTheirValues() {
        store.create(Kinds.CONFIG_MAP.create("a", "settings").data("mode", "fast"));
        store.create(Kinds.CONFIG_MAP.create("b", "settings").data("mode", "slow").binaryData("logo", new byte[]{7}));

        var inB = store.list(Kinds.CONFIG_MAP, "b", null).items();

        assertThat(inB).singleElement().satisfies(map -> {
            assertThat(map.data()).containsEntry("mode", "slow");
            assertThat(map.binaryData().get("logo")).containsExactly(7);
        });
        assertThat(store.list(Kinds.CONFIG_MAP, null, null).items()).extracting(ConfigMap::namespace).containsExactly("a", "b");
    }

    @Test
    void anInternalWatchSeesTheValuesOfAChangedSecret() {
        RecordingListener<Secret> listener = new RecordingListener<>();
        store.create(secret("default", "db", "one"));
        try (Watch ignored = store.watch(Kinds.SECRET, "default", store.currentResourceVersion(), listener)) {
            store.update(secret("default", "db", "two"));

            RecordingListener.patiently().until(() -> listener.events.size() == 1);
            WatchEvent<Secret> event = listener.events.getFirst();
            assertThat(event.type()).isEqualTo(WatchEvent.Type.MODIFIED);
            assertThat(new String(event.object().data().get("password"), StandardCharsets.UTF_8)).isEqualTo("two");
        }
    }
}
