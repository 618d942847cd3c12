package io.fissile.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to start: a generic instance of an environment.
 *
 * @param environmentNamespace the Environment's namespace, for naming and logs
 * @param environmentName the Environment's name
 * @param image the Environment's {@code spec.runtime.image}; mapped to a shipped runtime by {@link RuntimeKind#forImage}
 * @param environment extra process environment variables (e.g. a function's {@code spec.env})
 * @param mounts host directories the instance may read (secrets and config maps), by the path it sees them at
 * @param memoryLimitBytes a memory limit, 0 for none
 * @param cpuLimitMillis a CPU limit in millicores, 0 for none
 * @param userCommand the user's own program to run instead of the image's runtime (a container
 *                    function; then the names are the function's), or null for an environment's instance
 */
public record InstanceSpec(String environmentNamespace, String environmentName, String image,
                           Map<String, String> environment, List<Mount> mounts,
                           long memoryLimitBytes, long cpuLimitMillis, UserCommand userCommand) {

    public InstanceSpec {
        Objects.requireNonNull(environmentName, "environmentName");
        Objects.requireNonNull(image, "image");
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
    }

    /** An instance of an environment's runtime. */
    public InstanceSpec(String environmentNamespace, String environmentName, String image,
                        Map<String, String> environment, List<Mount> mounts, long memoryLimitBytes, long cpuLimitMillis) {
        this(environmentNamespace, environmentName, image, environment, mounts, memoryLimitBytes, cpuLimitMillis, null);
    }

    /** A plain generic instance: no extra variables, mounts or limits. */
    public static InstanceSpec of(String environmentNamespace, String environmentName, String image) {
        return new InstanceSpec(environmentNamespace, environmentName, image, Map.of(), List.of(), 0, 0);
    }

    /**
     * A host directory made visible, read-only, at {@code pathInInstance} (e.g.
     * {@code /secrets/default/db}); without a sandbox the instance is told the host path instead.
     */
    public record Mount(Path hostPath, String pathInInstance) {
    }
}
