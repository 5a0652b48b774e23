package ru.civic.platform.shop.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Runs the certificate supply check tenant by tenant. Every few hours is plenty (the alert is about a month), and a
 * run on several instances alerts once all the same.
 */
@Component
class SupplyCheckSchedule {

    private static final Logger log = LoggerFactory.getLogger(SupplyCheckSchedule.class);

    private final TenantRegistry tenants;
    private final CertificateSupply supply;

    SupplyCheckSchedule(TenantRegistry tenants, CertificateSupply supply) {
        this.tenants = tenants;
        this.supply = supply;
    }

    @Scheduled(fixedDelayString = "${platform.shop-supply-check-interval:6h}",
            initialDelayString = "${platform.shop-supply-check-initial-delay:10m}")
    void scheduled() {
        for (Tenant tenant : tenants.all()) {
            if (tenant.isActive()) {
                try {
                    TenantContext.runAs(tenant.id(), supply::checkDue);
                } catch (RuntimeException e) {
                    log.warn("Certificate supply check of {} skipped: {}", tenant.id(), e.getMessage());
                }
            }
        }
    }
}
