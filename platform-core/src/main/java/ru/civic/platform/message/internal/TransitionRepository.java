package ru.civic.platform.message.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

import ru.civic.platform.message.MessageTransition;

public interface TransitionRepository extends JpaRepository<MessageTransition, Long> {

    List<MessageTransition> findByMessageIdOrderByIdAsc(UUID messageId);
}
