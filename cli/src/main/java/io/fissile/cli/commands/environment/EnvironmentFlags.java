package io.fissile.cli.commands.environment;

import io.fissile.api.v1.Builder;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.EnvironmentSpec;
import io.fissile.api.v1.Runtime;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.resource.FieldFlags;
import io.fissile.cli.options.LabelOptions;
import io.fissile.cli.options.ResourceOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags {@code env create} and {@code env update} share. Every flag is optional here so that
 * an update changes only what is given; create fills in Fission's defaults first.
 */
public final class EnvironmentFlags {
    static final FieldFlags FIELDS = FieldFlags.of(
            "spec.runtime.image", "--image",
            "spec.version", "--version",
            "spec.poolsize", "--poolsize",
            "spec.terminationGracePeriod", "--graceperiod",
            "spec.resources.requests.cpu", "--mincpu",
            "spec.resources.limits.cpu", "--maxcpu",
            "spec.resources.requests.memory", "--minmemory",
            "spec.resources.limits.memory", "--maxmemory");

    static final int DEFAULT_VERSION = 3;
    static final String DEFAULT_BUILD_COMMAND = "build";

    @Option(names = "--image", paramLabel = "IMAGE", description = "Environment image (required on create)")
    String image;

    @Option(names = "--builder", paramLabel = "IMAGE", description = "Environment builder image")
    String builderImage;

    @Option(names = "--buildcmd", paramLabel = "COMMAND",
            description = "Build command for the environment builder to build source packages (default with --builder: build)")
    String buildCommand;

    @Option(names = "--poolsize", paramLabel = "N", description = "Size of the pool of warm instances (default: 3)")
    Integer poolsize;

    @Option(names = "--version", paramLabel = "N", description = "Environment API version (1 means v1 interface; default: 3)")
    Integer version;

    @Option(names = {"--graceperiod", "--period"}, paramLabel = "SECONDS",
            description = "Grace time for an instance to finish its requests before it is stopped (default: 360)")
    Long gracePeriod;

    @Option(names = "--keeparchive", arity = "0..1", paramLabel = "true|false",
            description = "Keep the archive instead of extracting it into a directory (for jars)")
    Boolean keepArchive;

    @Option(names = "--externalnetwork", arity = "0..1", paramLabel = "true|false",
            description = "Allow instances to access the external network")
    Boolean externalNetwork;

    @Option(names = "--imagepullsecret", paramLabel = "SECRET", description = "Secret to pull the image from a private registry")
    String imagePullSecret;

    @Mixin
    ResourceOptions resources;

    @Mixin
    LabelOptions labels;

    /** Fission's defaults for a new environment: version 3, a pool of 3, 360 seconds of grace, and "build" for a builder. */
    void applyDefaults(Environment env) {
        env.spec().version(DEFAULT_VERSION)
                .poolsize(EnvironmentSpec.DEFAULT_POOL_SIZE)
                .terminationGracePeriod(EnvironmentSpec.DEFAULT_TERMINATION_GRACE_PERIOD);
        if (builderImage != null && !builderImage.isEmpty()) env.spec().builder(new Builder().command(DEFAULT_BUILD_COMMAND));
    }

    /** Sets the fields whose flags were given. */
    void applyTo(Environment env) {
        EnvironmentSpec spec = env.spec();
        if (image != null) spec.runtime((spec.runtime() == null ? new Runtime() : spec.runtime()).image(image));
        if (builderImage != null) spec.builder(builder(spec).image(builderImage));
        if (buildCommand != null) spec.builder(builder(spec).command(buildCommand));
        if (poolsize != null) spec.poolsize(poolsize);
        if (version != null) spec.version(version);
        if (gracePeriod != null) spec.terminationGracePeriod(gracePeriod);
        if (keepArchive != null) spec.keeparchive(keepArchive);
        if (externalNetwork != null) spec.allowAccessToExternalNetwork(externalNetwork);
        if (imagePullSecret != null) spec.imagepullsecret(imagePullSecret);
        spec.resources(resources.applyTo(spec.resources()));
        labels.applyTo(env.metadata());
        if (spec.effectiveVersion() == 1 && spec.hasBuilder()) {
            throw new CliException("version 1 environments do not support builders; use --version 2 or 3");
        }
    }

    private static Builder builder(EnvironmentSpec spec) {
        return spec.builder() == null ? new Builder() : spec.builder();
    }
}
