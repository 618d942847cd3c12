package io.fissile.executor.specialize;

import io.fissile.api.Codec;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.executor.FunctionUnavailableException;
import io.fissile.runtime.Instance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a function's package goes in an instance and how the instance is told to load it, by the
 * environment's interface version, as Fission's fetcher does: v1 loads whatever sits at
 * {@code <userfunc>/user} on {@code POST /specialize}; v2 and v3 get {@code POST /v2/specialize} with the
 * path of {@code <userfunc>/deployarchive}, the function's entrypoint and its {@code spec.env} (as
 * {@code env}, see docs/environments.md).
 *
 * @param hostPath    where to place the package, on the server's side
 * @param path        the specialize endpoint
 * @param contentType the request body's type
 * @param body        the request body
 */
record SpecializeTarget(Path hostPath, String path, String contentType, byte[] body) {

    static final String V1_NAME = "user";
    private static final String V2_NAME = "deployarchive";

    static SpecializeTarget of(Environment environment, Instance instance, Function function) {
        Map<String, String> variables = function.spec().environmentVariables();
        if (environment.spec().effectiveVersion() < 2) {
            // v1's call has no body: the variables can only come with the process (newdeploy's instances).
            if (!instance.spec().environment().entrySet().containsAll(variables.entrySet())) {
                throw new FunctionUnavailableException(PackageResolver.describe(function) + " sets spec.env, which environment \""
                        + environment.namespace() + "/" + environment.name() + "\" (interface v1) cannot take at"
                        + " specialization; use an environment of version 2 or the newdeploy executor", false, null);
            }
            return new SpecializeTarget(instance.userfuncDir().resolve(V1_NAME), "/specialize", "text/plain", new byte[0]);
        }
        String base = instance.userfuncPathInInstance();
        String filepath = (base.endsWith("/") ? base : base + "/") + V2_NAME;
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("filepath", filepath);
        request.put("functionName", entrypoint(function));
        request.put("url", "");
        if (!variables.isEmpty()) request.put("env", variables);
        return new SpecializeTarget(instance.userfuncDir().resolve(V2_NAME), "/v2/specialize", "application/json",
                Codec.toJson(request).getBytes(StandardCharsets.UTF_8));
    }

    private static String entrypoint(Function function) {
        if (function.spec().packageRef() == null || function.spec().packageRef().functionName() == null) return "";
        return function.spec().packageRef().functionName();
    }
}
