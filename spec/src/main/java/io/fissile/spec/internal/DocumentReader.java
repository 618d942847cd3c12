package io.fissile.spec.internal;

import io.fissile.api.Codec;
import io.fissile.api.FieldError;
import io.fissile.api.InvalidResourceException;
import io.fissile.api.Validation;
import io.fissile.api.v1.ArchiveUploadSpec;
import io.fissile.api.v1.DeploymentConfig;
import io.fissile.api.v1.Kinds;

import java.util.List;
import java.util.Map;

/** Reads one YAML document of a spec file into a model object and checks its fields. */
public final class DocumentReader {

    /** What a document turned out to be. */
    public sealed interface Outcome permits Read, Unreadable, NotFission {
    }

    /** A Fission object; {@code errors} lists its invalid fields, if any. */
    public record Read(Object value, List<FieldError> errors) implements Outcome {
    }

    /** Not readable as the object it claims to be. */
    public record Unreadable(List<FieldError> errors) implements Outcome {
    }

    /** Something other than a Fission object, which Fission skips with a warning (so do we). */
    public record NotFission(String kind, String apiVersion) implements Outcome {
    }

    private DocumentReader() {
    }

    public static Outcome read(String text) {
        try {
            Map<?, ?> header = Codec.fromYaml(text, Map.class);
            if (header == null) return new Unreadable(List.of(new FieldError("", "is empty")));
            String kind = string(header.get("kind"));
            String apiVersion = string(header.get("apiVersion"));
            if (!isFissionKind(kind) && !Kinds.API_VERSION.equals(apiVersion)) {
                return new NotFission(kind, apiVersion);
            }
            Object value = Codec.readObject(text);
            return new Read(value, Validation.validate(value));
        } catch (InvalidResourceException e) {
            return new Unreadable(e.errors());
        }
    }

    private static boolean isFissionKind(String kind) {
        return Kinds.named(kind).isPresent() || DeploymentConfig.KIND.equals(kind) || ArchiveUploadSpec.KIND.equals(kind);
    }

    private static String string(Object value) {
        return value == null ? "" : value.toString();
    }
}
