package io.fissile.api.v1;

import io.fissile.api.Extensible;

/** The identity of a spec directory ({@code fission-deployment-config.yaml}); its uid marks every object the directory applies. */
public final class DeploymentConfig extends Extensible {
    private String apiVersion;
    private String kind;
    private String name;
    private String uid;

    public String apiVersion() { return apiVersion; }
    public DeploymentConfig apiVersion(String apiVersion) { this.apiVersion = apiVersion; return this; }

    public String kind() { return kind; }
    public DeploymentConfig kind(String kind) { this.kind = kind; return this; }

    public String name() { return name; }
    public DeploymentConfig name(String name) { this.name = name; return this; }

    public String uid() { return uid; }
    public DeploymentConfig uid(String uid) { this.uid = uid; return this; }

    public static final String KIND = "DeploymentConfig";

    public DeploymentConfig() { this.kind = KIND; }
}
