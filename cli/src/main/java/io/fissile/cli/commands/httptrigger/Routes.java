package io.fissile.cli.commands.httptrigger;

import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.HTTPTrigger;

/** Questions about routes that several commands ask. */
final class Routes {
    private Routes() {
    }

    /** True when the route sends requests to the function, by name or by weight. */
    static boolean calls(HTTPTrigger trigger, String function) {
        FunctionReference ref = trigger.spec().functionRef();
        if (ref == null) return false;
        if (function.equals(ref.name())) return true;
        return ref.functionWeights() != null && ref.functionWeights().containsKey(function);
    }
}
