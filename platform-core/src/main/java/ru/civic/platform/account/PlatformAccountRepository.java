package ru.civic.platform.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface PlatformAccountRepository extends JpaRepository<PlatformAccount, UUID> {

    Optional<PlatformAccount> findByUsername(String username);
}
