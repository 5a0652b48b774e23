package ru.civic.platform.photo;

import java.util.List;
import java.util.stream.Collectors;

/** The uploads break the tenant's photo rules; carries every problem found, so the citizen can fix all at once. */
public final class PhotoRejectedException extends RuntimeException {

    private final List<PhotoProblem> problems;

    public PhotoRejectedException(List<PhotoProblem> problems) {
        super("Photos refused: " + problems.stream().map(p -> p.field() + " " + p.code())
                .collect(Collectors.joining(", ")));
        this.problems = List.copyOf(problems);
    }

    public List<PhotoProblem> problems() {
        return problems;
    }
}
