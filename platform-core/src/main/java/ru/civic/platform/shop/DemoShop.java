package ru.civic.platform.shop;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import ru.civic.platform.account.AccountService;
import ru.civic.platform.points.PointsLedger;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfigurationChanged;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Local use only ({@code platform.demo-data=true}): a few items in the shop of every tenant that runs one and has
 * none yet, so the portal's shop is not empty right after the first start; and some points for the demo resident
 * ({@code citizen}) who has none, to try an exchange. Which tenants get them is their configuration's business.
 */
@Component
@ConditionalOnBooleanProperty("platform.demo-data")
class DemoShop {

    private static final Logger log = LoggerFactory.getLogger(DemoShop.class);
    static final int DEMO_POINTS = 500;

    private final JdbcClient jdbc;
    private final TenantRegistry tenants;
    private final AccountService accounts;
    private final PointsLedger ledger;
    private final Clock clock;

    DemoShop(JdbcClient jdbc, TenantRegistry tenants, AccountService accounts, PointsLedger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.accounts = accounts;
        this.ledger = ledger;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedAll() {
        tenants.all().forEach(this::seed);
    }

    @EventListener
    void onTenantChanged(TenantConfigurationChanged event) {
        tenants.find(event.tenantId()).ifPresent(this::seed);
    }

    private void seed(Tenant tenant) {
        TenantConfiguration configuration = tenant.configuration();
        if (configuration.shop() == null || !configuration.shop().enabled() || !configuration.features().shop()) {
            return;
        }
        // Straight into the tables: no one is signed in at startup, and the catalogue's service is the shop
        // administrator's only.
        TenantContext.runAs(tenant.id(), () -> {
            boolean empty = !jdbc.sql("select exists (select 1 from shop_item where tenant_id = :tenant)")
                    .param("tenant", tenant.id().value()).query(Boolean.class).single();
            if (empty) {
                LocalDate approved = clock.instant().atZone(configuration.zoneId()).toLocalDate().minusDays(30);
                item(tenant, "Термокружка с символикой города", "Кружка 350 мл, сохраняет напиток горячим до 6 часов.",
                        ItemKind.GOODS, 150, "450.00", "1", approved, 20);
                item(tenant, "Сертификат на посещение бассейна", "Одно посещение городского бассейна, действует"
                        + " три месяца.", ItemKind.MUNICIPAL_CERTIFICATE, 100, "300.00", null, null, 15);
                item(tenant, "Сертификат партнёра на 1 000 ₽", "Подарочный сертификат от спонсора программы.",
                        ItemKind.SPONSOR_CERTIFICATE, 200, "1000.00", null, null, 5);
                log.warn("Demo shop items were added to {}. Never in production.", tenant.id());
            }
            accounts.findByUsername("citizen").filter(c -> ledger.history(c.getId()).isEmpty())
                    .ifPresent(c -> ledger.correct(c.getId(), DEMO_POINTS, "Демо-баллы для проверки магазина",
                            "system"));
        });
    }

    private void item(Tenant tenant, String name, String description, ItemKind kind, int price, String cost,
            String protocol, LocalDate protocolDate, int stock) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("""
                insert into shop_item (id, tenant_id, name, description, kind, price_points, unit_cost_rub,
                  protocol_number, protocol_date, on_hand, created_at, created_by, updated_at, updated_by)
                values (:id, :tenant, :name, :description, :kind, :price, :cost, :protocol, :protocolDate, :stock,
                  :at, 'system', :at, 'system')""")
                .param("id", id).param("tenant", tenant.id().value()).param("name", name)
                .param("description", description).param("kind", kind.name()).param("price", price)
                .param("cost", new BigDecimal(cost)).param("protocol", protocol).param("protocolDate", protocolDate)
                .param("stock", stock).param("at", now).update();
        jdbc.sql("""
                insert into shop_stock_movement (id, tenant_id, item_id, kind, quantity, at, by_name)
                values (:id, :tenant, :item, 'RECEIPT', :stock, :at, 'system')""")
                .param("id", UUID.randomUUID()).param("tenant", tenant.id().value()).param("item", id)
                .param("stock", stock).param("at", now).update();
    }
}
