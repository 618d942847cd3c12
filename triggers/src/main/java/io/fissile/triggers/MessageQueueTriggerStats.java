package io.fissile.triggers;

import java.util.List;
import java.util.OptionalLong;

/** What the message queue triggers have done, per trigger, since the server started; read live. */
public interface MessageQueueTriggerStats {

    /** Every trigger now known, with its counts. */
    List<TriggerCounts> triggers();

    /**
     * @param processed messages handled to the end and acknowledged (whatever the function answered)
     * @param failed    of those, messages the function failed on after every retry
     * @param retried   calls repeated after a failure
     * @param lag       messages waiting for the trigger's consumer, when the broker can tell
     */
    record TriggerCounts(String namespace, String name, long processed, long failed, long retried, OptionalLong lag) {
    }
}
