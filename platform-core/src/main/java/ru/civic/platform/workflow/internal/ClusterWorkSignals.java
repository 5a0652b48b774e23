package ru.civic.platform.workflow.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import ru.civic.platform.message.MessageSubmitted;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.workflow.MessageTransitioned;
import ru.civic.platform.workflow.WorkArrived;
import ru.civic.platform.workflow.WorkSignals;

/**
 * New work is announced on a Hazelcast reliable topic once its transaction has committed (a rolled-back step
 * announces nothing), and every member, this one included, hands it to the screens of that tenant open on it.
 */
@Component
class ClusterWorkSignals implements WorkSignals {

    static final String TOPIC = "work-arrived";
    private static final Logger log = LoggerFactory.getLogger(ClusterWorkSignals.class);

    private final ITopic<String> topic;
    private final Map<TenantId, Set<Consumer<WorkArrived>>> listeners = new ConcurrentHashMap<>();

    ClusterWorkSignals(HazelcastInstance hazelcast) {
        this.topic = hazelcast.getReliableTopic(TOPIC);
        this.topic.addMessageListener(message -> deliver(message.getMessageObject()));
    }

    @Override
    public Registration subscribe(TenantId tenant, Consumer<WorkArrived> listener) {
        listeners.computeIfAbsent(tenant, t -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(tenant, (t, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MessageSubmitted submitted) {
        announce(new WorkArrived(submitted.tenantId(), submitted.number(), submitted.stage()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MessageTransitioned transitioned) {
        announce(new WorkArrived(transitioned.tenantId(), transitioned.number(), transitioned.toStage()));
    }

    private void announce(WorkArrived work) {
        // Plain strings on the wire: no class-compatibility concerns between members of different builds.
        try {
            topic.publish(work.tenantId() + "|" + work.number() + "|" + work.stage());
        } catch (RuntimeException e) {
            // A lost signal only delays a refresh; the step itself has committed.
            log.warn("Could not announce {}", work, e);
        }
    }

    private void deliver(String message) {
        String[] parts = message.split("\\|", -1);
        if (parts.length != 3 || !TenantId.isValid(parts[0])) {
            log.warn("Ignoring malformed work signal {}", message);
            return;
        }
        TenantId tenant = TenantId.of(parts[0]);
        Set<Consumer<WorkArrived>> forTenant = listeners.get(tenant);
        if (forTenant == null) {
            return;
        }
        WorkArrived work = new WorkArrived(parts[0], parts[1], parts[2]);
        TenantContext.runAs(tenant, () -> forTenant.forEach(listener -> {
            try {
                listener.accept(work);
            } catch (RuntimeException e) {
                log.warn("A work listener failed on {}", work, e);
            }
        }));
    }
}
