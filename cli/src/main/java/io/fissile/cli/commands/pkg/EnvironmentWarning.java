package io.fissile.cli.commands.pkg;

import io.fissile.api.v1.Kinds;
import io.fissile.cli.commands.Session;

/** Code may be created before its environment, as in Fission; the user hears about it. */
public final class EnvironmentWarning {
    private EnvironmentWarning() {
    }

    public static void warnIfMissing(Session session, String namespace, String environment) {
        if (session.client().get(Kinds.ENVIRONMENT, namespace, environment).isEmpty()) {
            session.warn("environment '" + environment + "' does not exist in namespace '" + namespace
                    + "'; create it before the function runs, e.g. fissile env create --name " + environment + " --image <image>");
        }
    }
}
