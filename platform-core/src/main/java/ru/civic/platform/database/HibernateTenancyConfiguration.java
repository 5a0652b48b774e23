package ru.civic.platform.database;

import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.civic.platform.tenancy.TenantContext;

/**
 * The first wall: Hibernate's discriminator multi-tenancy. Every entity with {@code @TenantId} is filtered by, and
 * stamped with, the tenant of the current context. Outside a tenant the identifier is the platform scope marker or
 * empty, which matches no tenant row. The second wall is row-level security ({@link TenantAwareDataSource}).
 */
@Configuration(proxyBeanMethods = false)
class HibernateTenancyConfiguration {

    static final class ContextTenantIdentifierResolver implements CurrentTenantIdentifierResolver<String> {

        @Override
        public String resolveCurrentTenantIdentifier() {
            return TenantContext.settingValue();
        }

        @Override
        public boolean validateExistingCurrentSessions() {
            // A session opened for one tenant must not be reused for another.
            return true;
        }
    }

    @Bean
    HibernatePropertiesCustomizer tenantIdentifierResolver() {
        return properties -> properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER,
                new ContextTenantIdentifierResolver());
    }
}
