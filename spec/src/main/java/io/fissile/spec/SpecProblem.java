package io.fissile.spec;

/**
 * One problem found in a spec directory: an error stops an apply before anything is sent, a
 * warning is only reported.
 *
 * @param severity whether the problem stops an apply
 * @param location where it was found; null for the directory as a whole
 * @param message  what is wrong, e.g. {@code spec.environment.name: is required}
 */
public record SpecProblem(Severity severity, SpecLocation location, String message) {

    public enum Severity { ERROR, WARNING }

    public static SpecProblem error(SpecLocation location, String message) {
        return new SpecProblem(Severity.ERROR, location, message);
    }

    public static SpecProblem warning(SpecLocation location, String message) {
        return new SpecProblem(Severity.WARNING, location, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return location == null ? message : location + ": " + message;
    }
}
