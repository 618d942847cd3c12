package io.fissile.environments.jvm.invoke;

import io.fissile.function.Context;
import io.fissile.function.Request;
import java.util.Map;

/** The {@link Context} of one call, its identity taken from the headers the router adds. */
final class FunctionContext implements Context {

    private final Request request;
    private final Map<String, String> environment;
    private final MountedFiles secrets;
    private final MountedFiles configs;

    FunctionContext(Request request, Map<String, String> environment, MountedFiles secrets, MountedFiles configs) {
        this.request = request;
        this.environment = environment;
        this.secrets = secrets;
        this.configs = configs;
    }

    @Override
    public String functionName() {
        String name = request.header("X-Fission-Function-Name");
        return name == null ? "" : name;
    }

    @Override
    public String namespace() {
        String namespace = request.header("X-Fission-Function-Namespace");
        return namespace == null || namespace.isEmpty() ? "default" : namespace;
    }

    @Override
    public String env(String name) {
        String value = environment.get(name);
        return value != null ? value : System.getenv(name);
    }

    @Override
    public void log(String line) {
        System.out.println(line);
    }

    @Override
    public String secret(String name, String key) {
        return secrets.read(namespace(), name, key);
    }

    @Override
    public String config(String name, String key) {
        return configs.read(namespace(), name, key);
    }
}
