package ru.civic.platform.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Platform owners' accounts. */
@Service
@Transactional(readOnly = true)
public class PlatformAccountService {

    private final PlatformAccountRepository accounts;
    private final PasswordEncoder passwords;

    PlatformAccountService(PlatformAccountRepository accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
    }

    public Optional<PlatformAccount> findByUsername(String username) {
        return accounts.findByUsername(username);
    }

    @Transactional
    public PlatformAccount createIfAbsent(String username, String rawPassword, String displayName) {
        return accounts.findByUsername(username).orElseGet(() -> accounts.save(
                new PlatformAccount(username, passwords.encode(rawPassword), displayName)));
    }
}
