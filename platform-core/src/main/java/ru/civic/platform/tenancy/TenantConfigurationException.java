package ru.civic.platform.tenancy;

import java.util.List;
import java.util.stream.Collectors;

/** A tenant configuration document was refused; names the file, the path inside it and the problem. */
public class TenantConfigurationException extends RuntimeException {

    private final List<ConfigurationProblem> problems;

    public TenantConfigurationException(List<ConfigurationProblem> problems) {
        super("Invalid tenant configuration:\n" + problems.stream().map(p -> "  - " + p)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigurationProblem> problems() {
        return problems;
    }
}
