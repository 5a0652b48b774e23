package ru.civic.platform.message;

import java.util.List;

/**
 * One thing wrong with a submission or an action's input: the field (as the API names it, e.g. {@code photos[2]}),
 * a stable code that is also the message-bundle key ({@code message.place.required}) and the arguments of its text.
 */
public record FieldProblem(String field, String code, List<Object> args) {

    public FieldProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static FieldProblem of(String field, String code, Object... args) {
        return new FieldProblem(field, code, List.of(args));
    }
}
