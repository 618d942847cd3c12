package io.fissile.store.testing;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionPackageRef;
import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageRef;
import io.fissile.api.v1.PackageStatus;
import io.fissile.api.v1.Reference;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small, valid objects of several kinds, for the tests of every ResourceStore. */
public final class Samples {
    private Samples() {
    }

    public static Function function(String namespace, String name) {
        Function function = Kinds.FUNCTION.create(namespace, name);
        function.spec()
                .environment(Reference.to("nodejs"))
                .packageRef(new FunctionPackageRef().packageRef(new PackageRef().name(name + "-pkg")).functionName("hello"))
                .functionTimeout(60);
        return function;
    }

    public static Package pendingPackage(String namespace, String name) {
        Package pkg = Kinds.PACKAGE.create(namespace, name);
        pkg.spec()
                .environment(Reference.to("nodejs"))
                .deployment(Archive.ofLiteral("module.exports = async () => 'hi'".getBytes(StandardCharsets.UTF_8)));
        pkg.status(new PackageStatus().buildstatus(PackageStatus.PENDING));
        return pkg;
    }

    public static HTTPTrigger route(String namespace, String name, String url, String function) {
        HTTPTrigger trigger = Kinds.HTTP_TRIGGER.create(namespace, name);
        trigger.spec().relativeUrl(url).methods(List.of("GET")).functionRef(FunctionReference.byName(function));
        return trigger;
    }
}
