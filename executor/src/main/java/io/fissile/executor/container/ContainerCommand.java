package io.fissile.executor.container;

import io.fissile.api.v1.Container;
import io.fissile.api.v1.Function;
import io.fissile.executor.FunctionUnavailableException;
import io.fissile.executor.specialize.Specializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What a container function's pod spec says to run locally: its one container's command, then its args. */
final class ContainerCommand {

    private static final String GRACE_FIELD = "terminationGracePeriodSeconds";

    private ContainerCommand() {
    }

    /** The function's one container; validation lets no container function through without one. */
    static Container containerOf(Function function) {
        Container container = function.spec().podSpec() == null ? null : function.spec().podSpec().onlyContainer();
        if (container == null) {
            throw new FunctionUnavailableException(Specializer.describe(function)
                    + " has no pod spec with exactly one container to run", false, null);
        }
        return container;
    }

    /** The program and its arguments; an image alone runs only in Kubernetes, whose image has an entrypoint. */
    static List<String> of(Function function, Container container) {
        if (!container.hasCommand()) {
            throw new FunctionUnavailableException(Specializer.describe(function) + " names image \"" + container.image()
                    + "\" but no command; this server runs container functions as local programs, so give one"
                    + " (fissile fn update-container --command)", false, null);
        }
        List<String> command = new ArrayList<>(container.command());
        if (container.args() != null) command.addAll(container.args());
        return command;
    }

    /** The pod's {@code terminationGracePeriodSeconds}, at most {@code cap}; {@code cap} when absent. */
    static Duration stopGrace(Function function, Duration cap) {
        Object seconds = function.spec().podSpec().unknownField(GRACE_FIELD);
        if (!(seconds instanceof Number number) || number.longValue() < 0) return cap;
        Duration grace = Duration.ofSeconds(number.longValue());
        return grace.compareTo(cap) > 0 ? cap : grace;
    }
}
