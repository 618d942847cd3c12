package io.fissile.spec;

import java.util.List;

/**
 * What an apply did, object by object.
 *
 * @param changes       each object and what was done to it
 * @param buildFailures with {@code --wait}: the package builds that failed or did not finish in time
 */
public record ApplyResult(List<ObjectChange> changes, List<String> buildFailures) {

    public ApplyResult {
        changes = List.copyOf(changes);
        buildFailures = List.copyOf(buildFailures);
    }

    public ApplyResult(List<ObjectChange> changes) {
        this(changes, List.of());
    }

    public long count(ObjectChange.Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }

    /** True when something was created, updated or deleted. */
    public boolean changedAnything() {
        return changes.stream().anyMatch(c -> c.action() != ObjectChange.Action.UNCHANGED);
    }

    /** One line: the counts, or that everything was up to date. */
    public String summary() {
        if (!changedAnything()) {
            return "Everything up to date: " + changes.size() + (changes.size() == 1 ? " object" : " objects") + " unchanged.";
        }
        return count(ObjectChange.Action.CREATED) + " created, " + count(ObjectChange.Action.UPDATED) + " updated, "
                + count(ObjectChange.Action.UNCHANGED) + " unchanged, " + count(ObjectChange.Action.DELETED) + " deleted.";
    }
}
