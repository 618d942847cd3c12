package io.fissile.api;

import io.fissile.api.internal.Problems;
import io.fissile.api.internal.ResourceRules;

import java.util.List;

/**
 * Fission's validation rules for every kind. All problems are reported at once, each with the
 * JSON path of its field ({@code spec.functionref.name: ...}).
 */
public final class Validation {
    private Validation() {
    }

    /** Every problem with a resource or spec-only object; empty when it is valid. */
    public static List<FieldError> validate(Object object) {
        Problems problems = new Problems();
        ResourceRules.validate(object, problems);
        return problems.errors();
    }

    /** Throws an InvalidResourceException listing every problem, if there is any. */
    public static void check(Resource<?, ?> resource) {
        List<FieldError> errors = validate(resource);
        if (!errors.isEmpty()) {
            throw new InvalidResourceException(resource.describe(), errors);
        }
    }
}
