package io.fissile.triggers.timer;

import java.time.Instant;

/**
 * One scheduled time of one trigger, to be called once.
 *
 * @param namespace the trigger's (and the function's) namespace
 * @param trigger   the trigger's name
 * @param uid       the trigger's uid, so that a trigger deleted and made again under its name is another one
 * @param target    what to call
 * @param scheduled the scheduled time this call is for
 */
record Firing(String namespace, String trigger, String uid, TimerTarget target, Instant scheduled) {
    String describe() {
        return "timer " + namespace + "/" + trigger;
    }
}
