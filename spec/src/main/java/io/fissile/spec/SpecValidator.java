package io.fissile.spec;

import io.fissile.api.v1.ArchiveUploadSpec;
import io.fissile.client.ControllerClient;
import io.fissile.spec.internal.ArchiveInputs;
import io.fissile.spec.internal.ConflictCheck;
import io.fissile.spec.internal.DuplicateCheck;
import io.fissile.spec.internal.ReferenceChecks;
import io.fissile.spec.internal.ServerSnapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything apply checks before it sends anything: the problems found reading the directory,
 * duplicate objects, references that do not resolve, ArchiveUploadSpecs that match no files and,
 * against the server, objects that belong to another deployment.
 */
public final class SpecValidator {
    private SpecValidator() {
    }

    /** The checks that need no server. */
    public static List<SpecProblem> validate(SpecSet specs) {
        return validate(specs, null, true, true);
    }

    /**
     * Every check, the server's too; throws UncheckedIOException when the server cannot be reached.
     *
     * @param allowConflicts whether objects of another deployment may be taken over (then they are no error)
     */
    public static List<SpecProblem> validate(SpecSet specs, ControllerClient client, boolean allowConflicts) {
        return validate(specs, ServerSnapshot.fetch(client), allowConflicts, true);
    }

    /** The problems, sorted by where they are; {@code server} may be null to skip the server's checks. */
    static List<SpecProblem> validate(SpecSet specs, ServerSnapshot server, boolean allowConflicts, boolean references) {
        List<SpecProblem> problems = new ArrayList<>(specs.problems());
        problems.addAll(DuplicateCheck.check(specs));
        if (references) problems.addAll(ReferenceChecks.check(specs, server));
        problems.addAll(archiveProblems(specs));
        if (server != null && !allowConflicts && specs.deploymentConfig().isPresent()) {
            problems.addAll(ConflictCheck.check(specs, server, specs.deployment().uid()));
        }
        problems.sort(Comparator.comparing((SpecProblem p) -> p.location() == null ? "" : p.location().file())
                .thenComparingInt(p -> p.location() == null ? 0 : p.location().document()));
        return problems;
    }

    private static List<SpecProblem> archiveProblems(SpecSet specs) {
        List<SpecProblem> problems = new ArrayList<>();
        for (Located<ArchiveUploadSpec> archive : specs.archives()) {
            if (archive.value().include() == null || archive.value().include().isEmpty()) continue;
            try {
                ArchiveInputs.resolve(archive.value(), specs.projectDir());
            } catch (IllegalArgumentException e) {
                problems.add(SpecProblem.error(archive.location(),
                        "ArchiveUploadSpec \"" + archive.value().name() + "\" " + e.getMessage()));
            }
        }
        return problems;
    }
}
