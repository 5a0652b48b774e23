package ru.civic.platform.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.UUID;

/** Accounts of the current tenant only: Hibernate's tenant filter and row-level security both apply. */
interface AccountRepository extends JpaRepository<Account, UUID> {

    Optional<Account> findByUsername(String username);

    boolean existsByUsername(String username);

    @Query("select a from Account a where lower(a.displayName) like lower(concat('%', :text, '%')) "
            + "or lower(a.username) like lower(concat('%', :text, '%')) order by a.displayName")
    List<Account> search(String text);
}
