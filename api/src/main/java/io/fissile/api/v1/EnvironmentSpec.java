package io.fissile.api.v1;

import io.fissile.api.Extensible;

/** A language runtime and how many warm instances of it to keep. */
public final class EnvironmentSpec extends Extensible {
    private Integer version;
    private Runtime runtime;
    private Builder builder;
    private String allowedFunctionsPerContainer;
    private Boolean allowAccessToExternalNetwork;
    private ResourceRequirements resources;
    private Integer poolsize;
    private Long terminationGracePeriod;
    private Boolean keeparchive;
    private String imagepullsecret;

    /** The runtime interface: 1 (load code from a fixed path), 2 and 3 (specialize with a file path and entrypoint). */
    public Integer version() { return version; }
    public EnvironmentSpec version(Integer version) { this.version = version; return this; }

    public Runtime runtime() { return runtime; }
    public EnvironmentSpec runtime(Runtime runtime) { this.runtime = runtime; return this; }

    public Builder builder() { return builder; }
    public EnvironmentSpec builder(Builder builder) { this.builder = builder; return this; }

    /** {@code single} or {@code infinite}. */
    public String allowedFunctionsPerContainer() { return allowedFunctionsPerContainer; }
    public EnvironmentSpec allowedFunctionsPerContainer(String allowedFunctionsPerContainer) { this.allowedFunctionsPerContainer = allowedFunctionsPerContainer; return this; }

    public Boolean allowAccessToExternalNetwork() { return allowAccessToExternalNetwork; }
    public EnvironmentSpec allowAccessToExternalNetwork(Boolean allowAccessToExternalNetwork) { this.allowAccessToExternalNetwork = allowAccessToExternalNetwork; return this; }

    public ResourceRequirements resources() { return resources; }
    public EnvironmentSpec resources(ResourceRequirements resources) { this.resources = resources; return this; }

    /** Warm generic instances to keep; honoured from version 3 on. */
    public Integer poolsize() { return poolsize; }
    public EnvironmentSpec poolsize(Integer poolsize) { this.poolsize = poolsize; return this; }

    /** Seconds an instance may take to stop. */
    public Long terminationGracePeriod() { return terminationGracePeriod; }
    public EnvironmentSpec terminationGracePeriod(Long terminationGracePeriod) { this.terminationGracePeriod = terminationGracePeriod; return this; }

    /** Hand the archive to the runtime as is instead of unpacking it. */
    public Boolean keeparchive() { return keeparchive; }
    public EnvironmentSpec keeparchive(Boolean keeparchive) { this.keeparchive = keeparchive; return this; }

    public String imagepullsecret() { return imagepullsecret; }
    public EnvironmentSpec imagepullsecret(String imagepullsecret) { this.imagepullsecret = imagepullsecret; return this; }

    public static final int DEFAULT_POOL_SIZE = 3;
    public static final long DEFAULT_TERMINATION_GRACE_PERIOD = 360;

    /** The version, reading an absent one as 1. */
    public int effectiveVersion() {
        return version == null || version == 0 ? 1 : version;
    }

    /** Warm instances to keep: always 3 before version 3 (as Fission does), else {@code poolsize} (3 when absent). */
    public int effectivePoolSize() {
        if (effectiveVersion() < 3) return DEFAULT_POOL_SIZE;
        return poolsize == null ? DEFAULT_POOL_SIZE : poolsize;
    }

    public boolean keepArchive() {
        return Boolean.TRUE.equals(keeparchive);
    }

    /** True when source packages of this environment can be built. */
    public boolean hasBuilder() {
        return builder != null && !builder.isEmpty();
    }
}
