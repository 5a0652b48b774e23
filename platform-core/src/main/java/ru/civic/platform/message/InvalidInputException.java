package ru.civic.platform.message;

import java.util.List;

/**
 * Input refused with every problem found at once, so that the citizen or the official corrects everything in one go.
 * Nothing is stored when this is thrown: the caller keeps what was entered and sends it again.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.code()).toList().toString());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
