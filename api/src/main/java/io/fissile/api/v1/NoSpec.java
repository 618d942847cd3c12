package io.fissile.api.v1;

import io.fissile.api.Extensible;

/**
 * The spec type of Kubernetes' core kinds ({@link Secret}, {@link ConfigMap}), which keep their
 * content at the top level and have no {@code spec}. Such a resource's spec is null.
 */
public final class NoSpec extends Extensible {
    private NoSpec() {
    }
}
