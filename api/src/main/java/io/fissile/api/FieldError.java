package io.fissile.api;

/**
 * One problem with one field of an object, e.g. {@code spec.functionref.name: must be a DNS-1123 label}.
 *
 * @param field the path of the field in JSON notation ({@code spec.secrets[0].name}); empty for the object as a whole
 * @param message what is wrong, for a person to read
 */
public record FieldError(String field, String message) {
    @Override
    public String toString() {
        return field == null || field.isEmpty() ? message : field + ": " + message;
    }
}
