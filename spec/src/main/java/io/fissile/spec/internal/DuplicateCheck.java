package io.fissile.spec.internal;

import io.fissile.api.Resource;
import io.fissile.api.v1.ArchiveUploadSpec;
import io.fissile.spec.Located;
import io.fissile.spec.SpecLocation;
import io.fissile.spec.SpecProblem;
import io.fissile.spec.SpecSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds objects written twice: the same kind, namespace and name, or two ArchiveUploadSpecs of one name. */
public final class DuplicateCheck {
    private DuplicateCheck() {
    }

    public static List<SpecProblem> check(SpecSet specs) {
        List<SpecProblem> problems = new ArrayList<>();
        Map<Object, SpecLocation> first = new HashMap<>();
        for (Located<ArchiveUploadSpec> archive : specs.archives()) {
            String name = archive.value().name();
            report("ArchiveUploadSpec \"" + name + "\"", "archive:" + name, archive.location(), first, problems);
        }
        for (Located<Resource<?, ?>> resource : specs.resources()) {
            ObjectKey key = ObjectKey.of(resource.value());
            report(key.toString(), key, resource.location(), first, problems);
        }
        return problems;
    }

    private static void report(String what, Object key, SpecLocation location, Map<Object, SpecLocation> first,
                               List<SpecProblem> problems) {
        SpecLocation earlier = first.putIfAbsent(key, location);
        if (earlier != null) {
            problems.add(SpecProblem.error(location, "duplicate " + what + ": it is also defined in " + earlier));
        }
    }
}
