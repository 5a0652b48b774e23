package ru.civic.platform.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ReliableTopicConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.civic.platform.shared.PlatformProperties;

/**
 * An embedded Hazelcast member in every instance. Joins by TCP/IP to the listed members (local use), by Kubernetes
 * discovery in the chart, or stays alone. Holds only what may be lost or rebuilt (cache invalidation, locks for
 * jobs); exact counts live in PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class HazelcastConfiguration {

    @Bean(destroyMethod = "shutdown")
    HazelcastInstance hazelcastInstance(PlatformProperties properties) {
        PlatformProperties.Hazelcast settings = properties.hazelcast();
        Config config = new Config();
        config.setClusterName(settings.clusterName());
        config.setInstanceName("civic-" + settings.clusterName() + "-" + java.util.UUID.randomUUID());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.getNetworkConfig().setPort(settings.port()).setPortAutoIncrement(true);
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        if (settings.kubernetesEnabled()) {
            var kubernetes = join.getKubernetesConfig().setEnabled(true);
            if (settings.kubernetesServiceName() != null && !settings.kubernetesServiceName().isBlank()) {
                kubernetes.setProperty("service-name", settings.kubernetesServiceName());
            }
            if (settings.kubernetesNamespace() != null && !settings.kubernetesNamespace().isBlank()) {
                kubernetes.setProperty("namespace", settings.kubernetesNamespace());
            }
        } else if (!settings.members().isEmpty()) {
            join.getTcpIpConfig().setEnabled(true).setMembers(settings.members()).setConnectionTimeoutSeconds(2);
        } else {
            // A standalone member: do not wait for others to answer before starting.
            config.setProperty("hazelcast.wait.seconds.before.join", "0");
            config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
        }
        config.addReliableTopicConfig(new ReliableTopicConfig("tenant-*").setStatisticsEnabled(true));
        return Hazelcast.newHazelcastInstance(config);
    }
}
