package io.fissile.kubernetes.model;

import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.ResourceRequirements;
import io.fissile.api.v1.Runtime;

import java.util.Map;

/** Resources as users write them, for the model tests. */
final class ModelFixtures {

    static final ImageNames IMAGES = new ImageNames("registry.example/fissile", "1.2.3");

    private ModelFixtures() {
    }

    static Environment environment(String name, String image) {
        Environment environment = new Environment();
        environment.metadata().namespace("default").name(name).uid("env-uid-1");
        environment.spec().version(3).poolsize(4).runtime(new Runtime().image(image))
                .resources(new ResourceRequirements().requests(Map.of("cpu", "100m", "memory", "64Mi"))
                        .limits(Map.of("cpu", "500m", "memory", "128Mi")))
                .terminationGracePeriod(30L);
        return environment;
    }

    static Function function(String name) {
        Function function = new Function();
        function.metadata().namespace("default").name(name).uid("fn-uid-1");
        return function;
    }
}
