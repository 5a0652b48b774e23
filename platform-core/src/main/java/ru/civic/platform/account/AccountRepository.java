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

    boolean existsByEmailIgnoreCase(String email);

    @Query("select a from Account a where lower(a.displayName) like lower(concat('%', :text, '%')) "
            + "or lower(a.username) like lower(concat('%', :text, '%')) order by a.displayName")
    List<Account> search(String text);

    /** Native for the array overlap; row-level security keeps it inside the tenant. */
    @Query(value = "select * from account where enabled and blocked_at is null and roles && cast(:roles as varchar(32)[]) "
            + "and (cast(:organisation as varchar) is null or organisation is null or organisation = :organisation) "
            + "order by display_name", nativeQuery = true)
    List<Account> findStaff(String[] roles, String organisation);

    /** Every account holding any of these roles, disabled and blocked ones included. */
    @Query(value = "select * from account where roles && cast(:roles as varchar(32)[]) order by display_name",
            nativeQuery = true)
    List<Account> findHoldingAny(String[] roles);

    /** Citizens whose name, user name or e-mail has the text (lower case), at most {@code limit}. */
    @Query(value = "select * from account where 'CITIZEN' = any(roles) and (lower(display_name) like concat('%', :text, '%') "
            + "or lower(username) like concat('%', :text, '%') or lower(coalesce(email, '')) like concat('%', :text, '%')) "
            + "order by display_name, username limit :limit", nativeQuery = true)
    List<Account> searchCitizens(String text, int limit);

    /** Blocked citizens, the latest block first. */
    @Query(value = "select * from account where 'CITIZEN' = any(roles) and blocked_at is not null "
            + "order by blocked_at desc limit :limit", nativeQuery = true)
    List<Account> findBlockedCitizens(int limit);
}
