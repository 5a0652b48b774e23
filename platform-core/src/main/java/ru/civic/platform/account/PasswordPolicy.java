package ru.civic.platform.account;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The rule a password a person chooses must meet: the one citizens' self-registration applies, so a staff member
 * setting their password through an invitation meets the same rule.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    /** bcrypt uses the first 72 bytes only; longer passwords are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** The message key of what is wrong with the password, or empty when it meets the rule. */
    public static Optional<String> problem(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("register.error.passwordShort");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("register.error.passwordLong");
        }
        return Optional.empty();
    }
}
