package io.fissile.spec;

import java.util.List;

/** A spec directory has errors; nothing was sent to the server. Lists every problem, warnings included. */
public class InvalidSpecException extends RuntimeException {
    private final transient List<SpecProblem> problems;

    public InvalidSpecException(List<SpecProblem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, errors and warnings, in the order found. */
    public List<SpecProblem> problems() {
        return problems;
    }

    public List<SpecProblem> errors() {
        return problems.stream().filter(SpecProblem::isError).toList();
    }

    private static String format(List<SpecProblem> problems) {
        List<SpecProblem> errors = problems.stream().filter(SpecProblem::isError).toList();
        StringBuilder sb = new StringBuilder("the specs have ").append(errors.size())
                .append(errors.size() == 1 ? " error" : " errors").append(" (nothing was applied):");
        errors.forEach(e -> sb.append("\n  ").append(e));
        return sb.toString();
    }
}
