package ru.civic.platform.tenancy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A problem of a tenant configuration document: where ({@code source}, JSON {@code path}) and what. {@code message} is
 * English, for logs and for the files' authors; {@code code} and {@code args} let a screen say it in its person's
 * language (bundle key {@link #messageKey()}). Problems without a code are shown by their message.
 */
public record ConfigurationProblem(String source, String path, String message, String code, List<Object> args) {

    public ConfigurationProblem {
        args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
    }

    public ConfigurationProblem(String source, String path, String message) {
        this(source, path, message, null, List.of());
    }

    /** A problem with its bundle code ({@code config.problem.<code>}) and the arguments its text names. */
    public static ConfigurationProblem of(String source, String path, String code, String message, Object... args) {
        return new ConfigurationProblem(source, path, message, code, List.of(args));
    }

    /** The bundle key of the text for people, or null when only the English message exists. */
    public String messageKey() {
        return code == null ? null : "config.problem." + code;
    }

    @Override
    public String toString() {
        return source + ": " + path + ": " + message;
    }
}
