package io.fissile.runtime.local;

import io.fissile.runtime.InstanceStartException;

import java.time.Duration;
import java.util.List;

/** The messages of failed starts: what happened, and the instance's last output lines. */
final class StartFailure {

    private StartFailure() {
    }

    static InstanceStartException exited(LocalInstance instance) {
        String status = instance.exitReason().map(reason -> reason.message()).orElse("exited");
        return new InstanceStartException(describe(instance) + " " + status + " before accepting connections on "
                + endpoint(instance) + lastOutput(instance.recentOutput()));
    }

    static InstanceStartException timedOut(LocalInstance instance, Duration timeout) {
        // The usual mistake of a user's own program: listening on a port of its choosing.
        String hint = instance.spec().userCommand() == null ? "" : " (the program must listen on the port in PORT)";
        return new InstanceStartException(describe(instance) + " did not accept connections on " + endpoint(instance)
                + " within " + timeout.toMillis() / 1000.0 + " s and was stopped" + hint + lastOutput(instance.recentOutput()));
    }

    private static String describe(LocalInstance instance) {
        if (instance.spec().userCommand() != null) {
            return "Instance " + instance.id() + " of function " + instance.spec().environmentName()
                    + " (command " + instance.spec().userCommand().command().getFirst() + ")";
        }
        return "Instance " + instance.id() + " of environment " + instance.spec().environmentName()
                + " (" + instance.spec().image() + ")";
    }

    private static String endpoint(LocalInstance instance) {
        return instance.address().getHostString() + ":" + instance.address().getPort();
    }

    private static String lastOutput(List<String> lines) {
        if (lines.isEmpty()) return "; it wrote nothing.";
        return "; its last output:\n  " + String.join("\n  ", lines);
    }
}
