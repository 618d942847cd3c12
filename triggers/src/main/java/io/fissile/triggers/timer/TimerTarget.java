package io.fissile.triggers.timer;

import io.fissile.api.v1.TimeTriggerSpec;

/** What a trigger calls: a function by name, with a method and a subpath. */
record TimerTarget(String function, String method, String subpath) {

    /** The target a spec names; throws IllegalArgumentException if it names no function. */
    static TimerTarget of(TimeTriggerSpec spec) {
        String function = spec.functionRef() == null ? null : spec.functionRef().name();
        if (function == null || function.isBlank()) {
            throw new IllegalArgumentException("functionref.name is empty; a timer calls one function by name");
        }
        return new TimerTarget(function, spec.effectiveMethod(), spec.subpath() == null ? "" : spec.subpath());
    }
}
