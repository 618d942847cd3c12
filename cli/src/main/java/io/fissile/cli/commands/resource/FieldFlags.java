package io.fissile.cli.commands.resource;

import io.fissile.api.FieldError;
import io.fissile.api.InvalidResourceException;
import io.fissile.api.Resource;
import io.fissile.api.Validation;
import io.fissile.api.v1.ArchiveUploadSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which flag sets which field, so that a problem found by {@link Validation} names the flag to
 * fix: {@code spec.runtime.image (--image): is required}.
 */
public final class FieldFlags {
    /** The metadata flags, which every kind shares. */
    private static final Map<String, String> METADATA_FLAGS = Map.of(
            "metadata.name", "--name",
            "metadata.namespace", "--namespace",
            "metadata.labels", "--labels",
            "metadata.annotations", "--annotation");

    private final Map<String, String> flagByField;

    private FieldFlags(Map<String, String> flagByField) {
        this.flagByField = Map.copyOf(flagByField);
    }

    /** Pairs of a field path and the flag that sets it, plus the metadata flags. */
    public static FieldFlags of(String... fieldThenFlag) {
        Map<String, String> map = new LinkedHashMap<>(METADATA_FLAGS);
        for (int i = 0; i + 1 < fieldThenFlag.length; i += 2) {
            map.put(fieldThenFlag[i], fieldThenFlag[i + 1]);
        }
        return new FieldFlags(map);
    }

    /** Validates an object locally and throws every problem at once, each with its flag where one sets it. */
    public void check(Object object) {
        List<FieldError> errors = Validation.validate(object);
        if (!errors.isEmpty()) {
            throw new InvalidResourceException(subject(object), errors.stream().map(this::withFlag).toList());
        }
    }

    FieldError withFlag(FieldError error) {
        String field = error.field() == null ? "" : error.field();
        String best = null;
        for (String known : flagByField.keySet()) {
            boolean covers = field.equals(known) || field.startsWith(known + ".") || field.startsWith(known + "[");
            if (covers && (best == null || known.length() > best.length())) best = known;
        }
        return best == null ? error : new FieldError(field + " (" + flagByField.get(best) + ")", error.message());
    }

    private static String subject(Object object) {
        return switch (object) {
            case Resource<?, ?> r -> r.describe();
            case ArchiveUploadSpec a -> ArchiveUploadSpec.KIND + " \"" + a.name() + "\"";
            default -> object.getClass().getSimpleName();
        };
    }
}
