package io.fissile.executor.instances;

import io.fissile.runtime.ExitReason;
import io.fissile.runtime.Instance;

/** Says in words how an instance ended, from what the runtime knows. */
final class ExitDescriptions {

    private ExitDescriptions() {
    }

    /** E.g. "instance nodejs-7f3a9c exited with status 137: ended for exceeding its memory limit of 128Mi". */
    static String of(Instance instance, Integer status) {
        String how = instance.exitReason()
                .map(ExitDescriptions::describe)
                .orElse(status == null ? "ended" : "exited with status " + status);
        return "instance " + instance.id() + " " + how;
    }

    private static String describe(ExitReason reason) {
        if (reason.kind() == ExitReason.Kind.EXITED) return reason.message();
        return "exited with status " + reason.status() + ": " + reason.message();
    }
}
