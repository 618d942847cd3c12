package io.fissile.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fissile.api.Extensible;

/** The package a function runs and its entrypoint within it. */
public final class FunctionPackageRef extends Extensible {
    @JsonProperty("packageref")
    private PackageRef packageRef;
    private String functionName;

    public PackageRef packageRef() { return packageRef; }
    public FunctionPackageRef packageRef(PackageRef packageRef) { this.packageRef = packageRef; return this; }

    /** The entrypoint: {@code file.func} (nodejs), {@code module.func} (python), a class name (jvm). */
    public String functionName() { return functionName; }
    public FunctionPackageRef functionName(String functionName) { this.functionName = functionName; return this; }
}
