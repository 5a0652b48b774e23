package ru.civic.platform.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Invitations of the current tenant only: Hibernate's tenant filter and row-level security both apply. */
interface AccountInvitationRepository extends JpaRepository<AccountInvitation, UUID> {

    Optional<AccountInvitation> findByTokenHash(String tokenHash);

    Optional<AccountInvitation> findByAccountIdAndVoidedAtIsNull(UUID accountId);

    List<AccountInvitation> findByAccountIdInAndVoidedAtIsNull(Collection<UUID> accountIds);
}
