package ru.civic.platform.message.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import ru.civic.platform.message.Message;

public interface MessageRepository extends JpaRepository<Message, UUID>, JpaSpecificationExecutor<Message> {

    Optional<Message> findByNumber(String number);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Message m where m.number = :number")
    Optional<Message> lockByNumber(String number);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Message m where m.id = :id")
    Optional<Message> lockById(UUID id);

    Optional<Message> findByChannelAndExternalId(Message.Channel channel, String externalId);

    List<Message> findByAuthorIdOrderByReceivedAtDesc(UUID authorId);

    List<Message> findByStageInOrderByStageDueAtAscReceivedAtAsc(Collection<String> stages, Pageable page);

    List<Message> findByPublishedTrueOrderByReceivedAtDesc(Pageable page);

    @Query("""
            select m.id from Message m
            where (m.dueAt < :now and m.overdueNotified = false)
               or (m.stageDueAt < :now and m.stageOverdueNotified = false)
            order by m.receivedAt""")
    List<UUID> findOverdue(Instant now, Pageable page);

    long countByPublishedTrue();
}
