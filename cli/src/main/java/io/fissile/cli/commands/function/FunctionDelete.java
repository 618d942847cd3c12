package io.fissile.cli.commands.function;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.PackageRef;
import io.fissile.cli.commands.pkg.CodePackages;
import io.fissile.cli.commands.pkg.PackageCommands;
import io.fissile.cli.commands.pkg.PackageUsers;
import io.fissile.cli.commands.resource.DeleteResource;
import io.fissile.cli.commands.resource.Resources;
import picocli.CommandLine.Command;

/**
 * {@code fn delete --name N}. Fission 1.21 leaves the function's package behind (for
 * {@code pkg delete --orphan}); Fissile also deletes the package when {@code fn create} made it for
 * this function and no other function uses it, so that create and delete leave nothing behind.
 * Packages made any other way are kept.
 */
@Command(name = "delete")
public final class FunctionDelete extends DeleteResource<Function> {
    public FunctionDelete() {
        super(FunctionCommands.TYPE);
    }

    @Override
    protected void afterDelete(Function fn) {
        PackageRef ref = fn.spec().packageRef() == null ? null : fn.spec().packageRef().packageRef();
        if (ref == null || ref.name() == null) return;
        String namespace = ref.namespaceOr(fn.namespace());
        Resources.find(session(), Kinds.PACKAGE, namespace, ref.name())
                .filter(pkg -> fn.name().equals(pkg.metadata().annotation(CodePackages.CREATED_FOR_FUNCTION)))
                .filter(pkg -> PackageUsers.of(session(), namespace, pkg.name()).isEmpty())
                .ifPresent(pkg -> Resources.delete(session(), PackageCommands.TYPE, pkg.name(), true));
    }
}
