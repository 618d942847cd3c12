package io.fissile.cli.commands.pkg;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageRef;
import io.fissile.cli.commands.Session;

import java.util.List;

/** The functions that run a package. */
public final class PackageUsers {
    private PackageUsers() {
    }

    public static List<Function> of(Session session, String namespace, String packageName) {
        return session.client().list(Kinds.FUNCTION, namespace, null).items().stream()
                .filter(fn -> refersTo(fn, namespace, packageName))
                .toList();
    }

    public static boolean refersTo(Function fn, String namespace, String packageName) {
        if (fn.spec().packageRef() == null || fn.spec().packageRef().packageRef() == null) return false;
        PackageRef ref = fn.spec().packageRef().packageRef();
        return packageName.equals(ref.name()) && namespace.equals(ref.namespaceOr(fn.namespace()));
    }

    /** Points the functions at the package's new resource version, as Fission does after a package update. */
    public static void follow(Session session, List<Function> functions, Package updated) {
        for (Function fn : functions) {
            fn.spec().packageRef().packageRef().resourceVersion(updated.metadata().resourceVersion());
            session.client().update(fn);
            session.verbose("function '" + fn.name() + "' now refers to package version " + updated.metadata().resourceVersion());
        }
    }
}
