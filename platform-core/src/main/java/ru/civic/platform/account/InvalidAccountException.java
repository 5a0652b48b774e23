package ru.civic.platform.account;

import java.util.List;

import ru.civic.platform.account.AccountService.ProfileProblem;

/** What an operator typed for an account has problems, each for one field; nothing was saved. */
public class InvalidAccountException extends RuntimeException {

    private final List<ProfileProblem> problems;

    public InvalidAccountException(List<ProfileProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.code()).toList().toString());
        this.problems = List.copyOf(problems);
    }

    public List<ProfileProblem> problems() {
        return problems;
    }
}
