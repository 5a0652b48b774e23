package ru.civic.platform.tenancy.internal;

import java.util.UUID;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import ru.civic.platform.tenancy.TenantConfigurationChanged;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * Cluster-wide invalidation of the tenant cache: a change saved on one member is announced on a Hazelcast reliable
 * topic; every member reloads that tenant and publishes {@link TenantConfigurationChanged} locally, inside that
 * tenant's context, for the features that keep derived state.
 */
@Component
class ClusterTenantEvents {

    static final String TOPIC = "tenant-configuration-changed";
    private static final Logger log = LoggerFactory.getLogger(ClusterTenantEvents.class);

    private final ITopic<String> topic;
    private final CachingTenantRegistry registry;
    private final ApplicationEventPublisher events;
    private final String memberId = UUID.randomUUID().toString();

    ClusterTenantEvents(HazelcastInstance hazelcast, CachingTenantRegistry registry, ApplicationEventPublisher events) {
        this.registry = registry;
        this.events = events;
        this.topic = hazelcast.getReliableTopic(TOPIC);
        this.topic.addMessageListener(message -> onMessage(message.getMessageObject()));
    }

    void announce(TenantConfigurationChanged change) {
        // Plain strings on the wire: no class-compatibility concerns between members of different builds.
        topic.publish(memberId + "|" + change.tenantId().value() + "|" + change.version());
        TenantContext.runAs(change.tenantId(), () -> events.publishEvent(change));
    }

    private void onMessage(String message) {
        String[] parts = message.split("\\|");
        if (parts.length != 3 || !TenantId.isValid(parts[1])) {
            log.warn("Ignoring malformed tenant change message {}", message);
            return;
        }
        if (parts[0].equals(memberId)) {
            return; // announced by this member, which already reloaded and published
        }
        TenantConfigurationChanged change = new TenantConfigurationChanged(TenantId.of(parts[1]),
                Long.parseLong(parts[2]));
        try {
            TenantContext.runInPlatformScope(() -> registry.reload(change.tenantId()));
            TenantContext.runAs(change.tenantId(), () -> events.publishEvent(change));
        } catch (RuntimeException e) {
            log.error("Could not apply tenant change {}", change, e);
        }
    }
}
