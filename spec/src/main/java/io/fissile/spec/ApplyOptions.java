package io.fissile.spec;

import java.time.Duration;

/**
 * How to apply, with Fission's flags.
 *
 * @param delete          delete this deployment's objects the specs no longer hold ({@code --delete})
 * @param allowConflicts  take over objects of another deployment, or of none ({@code --allowconflicts})
 * @param checkReferences check references between objects first ({@code --validation}, on unless "false")
 * @param waitForBuilds   wait while the packages applied are being built ({@code --wait})
 * @param buildTimeout    how long to wait for builds
 */
public record ApplyOptions(boolean delete, boolean allowConflicts, boolean checkReferences, boolean waitForBuilds,
                           Duration buildTimeout) {

    public static final Duration DEFAULT_BUILD_TIMEOUT = Duration.ofMinutes(5);

    public ApplyOptions {
        buildTimeout = buildTimeout == null ? DEFAULT_BUILD_TIMEOUT : buildTimeout;
    }

    /** Create and update only, checking everything, not waiting. */
    public static ApplyOptions defaults() {
        return new ApplyOptions(false, false, true, false, DEFAULT_BUILD_TIMEOUT);
    }

    public ApplyOptions withDelete(boolean delete) {
        return new ApplyOptions(delete, allowConflicts, checkReferences, waitForBuilds, buildTimeout);
    }

    public ApplyOptions withAllowConflicts(boolean allowConflicts) {
        return new ApplyOptions(delete, allowConflicts, checkReferences, waitForBuilds, buildTimeout);
    }

    public ApplyOptions withCheckReferences(boolean checkReferences) {
        return new ApplyOptions(delete, allowConflicts, checkReferences, waitForBuilds, buildTimeout);
    }

    public ApplyOptions withWaitForBuilds(boolean wait, Duration timeout) {
        return new ApplyOptions(delete, allowConflicts, checkReferences, wait, timeout);
    }
}
