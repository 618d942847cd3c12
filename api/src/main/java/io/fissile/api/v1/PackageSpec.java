package io.fissile.api.v1;

import io.fissile.api.Extensible;

/** The code of one or more functions: a source archive to build, a deployment archive to run, or both. */
public final class PackageSpec extends Extensible {
    private Reference environment;
    private Archive source;
    private Archive deployment;
    private String buildcmd;

    public Reference environment() { return environment; }
    public PackageSpec environment(Reference environment) { this.environment = environment; return this; }

    public Archive source() { return source; }
    public PackageSpec source(Archive source) { this.source = source; return this; }

    public Archive deployment() { return deployment; }
    public PackageSpec deployment(Archive deployment) { this.deployment = deployment; return this; }

    /** Overrides the command of the environment builder. */
    public String buildcmd() { return buildcmd; }
    public PackageSpec buildcmd(String buildcmd) { this.buildcmd = buildcmd; return this; }
}
