package ru.civic.platform.notification.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/** Notifications of the current tenant only: Hibernate's tenant filter and row-level security both apply. */
public interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByAccountIdOrderByCreatedAtDescIdDesc(UUID accountId, Limit limit);

    long countByAccountIdAndReadAtIsNull(UUID accountId);

    Optional<Notification> findByIdAndAccountId(long id, UUID accountId);
}
