package ru.civic.platform.account;

/** Self-registration with an e-mail address that an account of the tenant already has. */
public class EmailTakenException extends RuntimeException {

    public EmailTakenException(String email) {
        super("An account of this tenant already has the e-mail address " + email);
    }
}
