package ru.civic.platform.shop;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.photo.PhotoRejectedException;
import ru.civic.platform.photo.PhotoService;
import ru.civic.platform.photo.StoredPhoto;
import ru.civic.platform.points.InsufficientPointsException;
import ru.civic.platform.points.PointsEntry;
import ru.civic.platform.points.PointsLedger;
import ru.civic.platform.shop.internal.CertificateSupply;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.ShopRules;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * The bonus shop of the current tenant (Gubkinsky 2, 4), every rule from its {@code shop:} section. The shop
 * administrator keeps the catalogue, records stock receipts and issues or cancels orders; the operator may look;
 * residents exchange points for one unit at a time and may cancel an order not yet issued.
 *
 * <p>Exactness comes from the database: a redemption locks the item's row, so parallel redemptions queue on it and
 * each sees the units left by the one before; the debit takes the account's ledger lock in the same transaction,
 * so an order exists exactly when its points are spent. Locks are always taken order → item → account.
 */
@Service
public class Shop {

    /** Catalogue, stock, issuing and cancelling: the bonus-programme administrator (Gubkinsky 2). */
    public static final String MANAGE = "hasRole('SHOP_ADMIN')";
    /** Reading the catalogue, orders and supply in the back office: also the operator who configures the tenant. */
    public static final String READ = "hasAnyRole('SHOP_ADMIN','OPERATOR')";
    private static final String RESIDENT = "hasRole('CITIZEN')";

    static final int MAX_RECEIPT = 100_000;
    private static final String ITEM_COLUMNS = """
            id, name, description, kind, price_points, unit_cost_rub, protocol_number, protocol_date, photo_key,
            thumbnail_key, on_hand, reserved, active""";
    private static final String ORDER_COLUMNS = """
            id, item_id, item_name, account_id, account_name, points, status, created_at, issued_at, issued_by,
            cancelled_at, cancelled_by, cancel_reason""";

    private final JdbcClient jdbc;
    private final TenantRegistry tenants;
    private final PointsLedger ledger;
    private final PhotoService photos;
    private final Actors actors;
    private final CertificateSupply supply;
    private final MessageSource bundle;
    private final Clock clock;

    Shop(JdbcClient jdbc, TenantRegistry tenants, PointsLedger ledger, PhotoService photos, Actors actors,
            CertificateSupply supply, MessageSource bundle, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.ledger = ledger;
        this.photos = photos;
        this.actors = actors;
        this.supply = supply;
        this.bundle = bundle;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- the public's shop

    /** Whether residents may exchange points here: the tenant runs a shop and its portal shows it. */
    public boolean open() {
        TenantConfiguration tenant = tenants.currentConfiguration();
        return tenant.shop() != null && tenant.shop().enabled() && tenant.features().shop();
    }

    /** What residents see: items on offer, with what is left. */
    @Transactional(readOnly = true)
    public List<ShopItem> offer() {
        return jdbc.sql("select " + ITEM_COLUMNS + " from shop_item where tenant_id = :tenant and active"
                        + " order by name limit 500")
                .param("tenant", tenant()).query(Shop::item).list();
    }

    /** The signed-in resident's balance. */
    @Transactional(readOnly = true)
    @PreAuthorize(RESIDENT)
    public long myBalance() {
        return ledger.balance(resident().accountId());
    }

    /**
     * Exchanges the item's price in points for one unit, reserved until the shop administrator hands it over.
     *
     * @throws InvalidInputException at {@code item}: {@code shop.closed}, {@code shop.item.notFound},
     *                               {@code shop.item.withdrawn}, {@code shop.item.outOfStock} or
     *                               {@code shop.points.insufficient} (balance, price); nothing is written
     */
    @Transactional
    @PreAuthorize(RESIDENT)
    public ShopOrder redeem(UUID itemId) {
        Actor resident = resident();
        if (!open()) {
            throw refused("shop.closed");
        }
        ShopItem item = lockItem(itemId);
        if (!item.active()) {
            throw refused("shop.item.withdrawn", item.name());
        }
        if (item.available() < 1) {
            throw refused("shop.item.outOfStock", item.name());
        }
        UUID orderId = UUID.randomUUID();
        PointsEntry debit;
        try {
            debit = ledger.debit(resident.accountId(), item.pricePoints(), "order:" + orderId,
                    text("shop.ledger.redemption", item.name()), resident.name());
        } catch (InsufficientPointsException e) {
            throw refused("shop.points.insufficient", e.balance(), item.pricePoints());
        }
        jdbc.sql("update shop_item set reserved = reserved + 1 where tenant_id = :tenant and id = :id")
                .param("tenant", tenant()).param("id", itemId).update();
        jdbc.sql("""
                insert into shop_order (id, tenant_id, item_id, item_name, account_id, account_name, points,
                  redemption_id, status, created_at)
                values (:id, :tenant, :item, :itemName, :account, :accountName, :points, :debit, 'RESERVED', :at)""")
                .param("id", orderId).param("tenant", tenant()).param("item", itemId).param("itemName", item.name())
                .param("account", resident.accountId()).param("accountName", resident.name())
                .param("points", item.pricePoints()).param("debit", debit.id()).param("at", now()).update();
        return order(orderId).orElseThrow();
    }

    /** The signed-in resident's orders, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(RESIDENT)
    public List<ShopOrder> myOrders() {
        return jdbc.sql("select " + ORDER_COLUMNS + " from shop_order where tenant_id = :tenant"
                        + " and account_id = :account order by created_at desc limit 200")
                .param("tenant", tenant()).param("account", resident().accountId()).query(Shop::order).list();
    }

    /** The resident takes back their own order before it is handed over: the unit is released, the points return. */
    @Transactional
    @PreAuthorize(RESIDENT)
    public void cancelMine(UUID orderId) {
        Actor resident = resident();
        ShopOrder order = lockOrder(orderId).filter(o -> o.accountId().equals(resident.accountId()))
                .orElseThrow(() -> refused("shop.order.notFound"));
        release(order, text("shop.order.cancelledByResident"), resident.name());
    }

    // ---------------------------------------------------------------- the catalogue

    /** Every item, withdrawn ones too, for the back office. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<ShopItem> catalogue() {
        return jdbc.sql("select " + ITEM_COLUMNS + " from shop_item where tenant_id = :tenant"
                        + " order by active desc, name limit 1000")
                .param("tenant", tenant()).query(Shop::item).list();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public ShopItem item(UUID id) {
        return findItem(id, false).orElseThrow(() -> refused("shop.item.notFound"));
    }

    /**
     * Adds an item with no stock; units arrive by {@link #receive}.
     *
     * @throws InvalidInputException with every problem at its field ({@code name}, {@code kind},
     *                               {@code pricePoints}, {@code unitCostRub}, {@code protocolNumber},
     *                               {@code protocolDate}, {@code photo}); nothing is stored
     */
    @Transactional
    @PreAuthorize(MANAGE)
    public UUID create(ItemDraft draft) {
        validate(draft);
        Optional<StoredPhoto> photo = storePhoto(draft);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into shop_item (id, tenant_id, name, description, kind, price_points, unit_cost_rub,
                      protocol_number, protocol_date, photo_key, thumbnail_key, created_at, created_by, updated_at,
                      updated_by)
                    values (:id, :tenant, :name, :description, :kind, :price, :cost, :protocol, :protocolDate,
                      :photo, :thumbnail, :at, :by, :at, :by)""")
                    .params(itemParameters(id, draft, photo)).update();
        } catch (RuntimeException e) {
            photo.ifPresent(p -> photos.delete(List.of(p)));
            throw e;
        }
        return id;
    }

    /** Changes an item; its stock and open orders stay (they keep the price they were paid). */
    @Transactional
    @PreAuthorize(MANAGE)
    public void update(UUID id, ItemDraft draft) {
        lockItem(id);
        validate(draft);
        Optional<StoredPhoto> photo = storePhoto(draft);
        try {
            jdbc.sql("""
                    update shop_item set name = :name, description = :description, kind = :kind,
                      price_points = :price, unit_cost_rub = :cost, protocol_number = :protocol,
                      protocol_date = :protocolDate, photo_key = coalesce(:photo, photo_key),
                      thumbnail_key = coalesce(:thumbnail, thumbnail_key), updated_at = :at, updated_by = :by
                    where tenant_id = :tenant and id = :id""")
                    .params(itemParameters(id, draft, photo)).update();
        } catch (RuntimeException e) {
            photo.ifPresent(p -> photos.delete(List.of(p)));
            throw e;
        }
    }

    // One binding for insert and update, so the two statements cannot drift apart on a field.
    private Map<String, Object> itemParameters(UUID id, ItemDraft draft, Optional<StoredPhoto> photo) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("tenant", tenant());
        parameters.put("name", draft.name().strip());
        parameters.put("description", description(draft));
        parameters.put("kind", draft.kind().name());
        parameters.put("price", draft.pricePoints());
        parameters.put("cost", draft.unitCostRub());
        parameters.put("protocol", blankToNull(draft.protocolNumber()));
        parameters.put("protocolDate", draft.protocolDate());
        parameters.put("photo", photo.map(StoredPhoto::key).orElse(null));
        parameters.put("thumbnail", photo.map(StoredPhoto::thumbnailKey).orElse(null));
        parameters.put("at", now());
        parameters.put("by", staffName());
        return parameters;
    }

    /** Takes an item off the offer (or puts it back); orders already made can still be issued or cancelled. */
    @Transactional
    @PreAuthorize(MANAGE)
    public void setActive(UUID id, boolean active) {
        lockItem(id);
        jdbc.sql("update shop_item set active = :active, updated_at = :at, updated_by = :by"
                        + " where tenant_id = :tenant and id = :id")
                .param("active", active).param("at", now()).param("by", staffName()).param("tenant", tenant())
                .param("id", id).update();
    }

    /**
     * Records units received, as a movement (a month's certificate supply is counted from these).
     *
     * @throws InvalidInputException at {@code quantity} unless 1 to 100 000
     */
    @Transactional
    @PreAuthorize(MANAGE)
    public void receive(UUID itemId, Integer quantity, String note) {
        if (quantity == null || quantity < 1 || quantity > MAX_RECEIPT) {
            throw new InvalidInputException(List.of(FieldProblem.of("quantity", "shop.receipt.quantity", MAX_RECEIPT)));
        }
        lockItem(itemId);
        jdbc.sql("update shop_item set on_hand = on_hand + :quantity where tenant_id = :tenant and id = :id")
                .param("quantity", quantity).param("tenant", tenant()).param("id", itemId).update();
        movement(itemId, "RECEIPT", quantity, null, note == null || note.isBlank() ? null : note.strip());
    }

    // ---------------------------------------------------------------- orders

    /** Orders for the back office: reserved ones first (oldest first: they wait longest), then the latest others. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<ShopOrder> orders() {
        return jdbc.sql("select " + ORDER_COLUMNS + " from shop_order where tenant_id = :tenant"
                        + " order by status <> 'RESERVED', case when status = 'RESERVED' then created_at end,"
                        + " created_at desc limit 1000")
                .param("tenant", tenant()).query(Shop::order).list();
    }

    /** Hands the unit over: it leaves the stock (a movement), the order is issued by whom and when. */
    @Transactional
    @PreAuthorize(MANAGE)
    public void issue(UUID orderId) {
        ShopOrder order = lockOrder(orderId).orElseThrow(() -> refused("shop.order.notFound"));
        if (order.status() != OrderStatus.RESERVED) {
            throw refused("shop.order.notReserved");
        }
        lockItem(order.itemId());
        jdbc.sql("update shop_item set on_hand = on_hand - 1, reserved = reserved - 1"
                        + " where tenant_id = :tenant and id = :id")
                .param("tenant", tenant()).param("id", order.itemId()).update();
        movement(order.itemId(), "ISSUE", 1, orderId, null);
        jdbc.sql("update shop_order set status = 'ISSUED', issued_at = :at, issued_by = :by"
                        + " where tenant_id = :tenant and id = :id")
                .param("at", now()).param("by", staffName()).param("tenant", tenant()).param("id", orderId).update();
    }

    /**
     * Cancels a reserved order with a reason the resident sees: the unit is released and the points refunded.
     *
     * @throws InvalidInputException at {@code reason} when it is empty
     */
    @Transactional
    @PreAuthorize(MANAGE)
    public void cancel(UUID orderId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(List.of(FieldProblem.of("reason", "shop.order.reasonRequired")));
        }
        ShopOrder order = lockOrder(orderId).orElseThrow(() -> refused("shop.order.notFound"));
        release(order, reason.strip(), staffName());
    }

    // ---------------------------------------------------------------- certificate supply

    /** Municipal certificates received in a month of the tenant's calendar, against its minimum (4.5). */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public MonthlySupply supply(YearMonth month) {
        return supply.of(month);
    }

    /** The current month of the tenant's calendar. */
    public YearMonth currentMonth() {
        return YearMonth.from(clock.instant().atZone(tenants.currentConfiguration().zoneId()));
    }

    // ---------------------------------------------------------------- internals

    private void release(ShopOrder order, String reason, String by) {
        if (order.status() != OrderStatus.RESERVED) {
            throw refused("shop.order.notReserved");
        }
        lockItem(order.itemId());
        jdbc.sql("update shop_item set reserved = reserved - 1 where tenant_id = :tenant and id = :id")
                .param("tenant", tenant()).param("id", order.itemId()).update();
        UUID redemption = jdbc.sql("select redemption_id from shop_order where tenant_id = :tenant and id = :id")
                .param("tenant", tenant()).param("id", order.id()).query(UUID.class).single();
        ledger.refund(redemption, reason, by);
        jdbc.sql("update shop_order set status = 'CANCELLED', cancelled_at = :at, cancelled_by = :by,"
                        + " cancel_reason = :reason where tenant_id = :tenant and id = :id")
                .param("at", now()).param("by", by).param("reason", reason).param("tenant", tenant())
                .param("id", order.id()).update();
    }

    private void validate(ItemDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("name", "shop.item.required"));
        } else if (name.length() > 200) {
            problems.add(FieldProblem.of("name", "shop.item.tooLong", 200));
        }
        if (draft.description() != null && draft.description().length() > 5000) {
            problems.add(FieldProblem.of("description", "shop.item.tooLong", 5000));
        }
        if (draft.kind() == null) {
            problems.add(FieldProblem.of("kind", "shop.item.required"));
        }
        if (draft.pricePoints() == null) {
            problems.add(FieldProblem.of("pricePoints", "shop.item.required"));
        } else if (draft.pricePoints() < 1) {
            problems.add(FieldProblem.of("pricePoints", "shop.item.price.positive"));
        }
        BigDecimal cost = draft.unitCostRub();
        ShopRules rules = tenants.currentConfiguration().shop();
        if (cost == null) {
            problems.add(FieldProblem.of("unitCostRub", "shop.item.required"));
        } else if (cost.signum() < 0 || cost.stripTrailingZeros().scale() > 2) {
            problems.add(FieldProblem.of("unitCostRub", "shop.item.unitCost.invalid"));
        } else if (rules != null && rules.maxUnitCostRub() != null
                && cost.compareTo(BigDecimal.valueOf(rules.maxUnitCostRub())) > 0) {
            problems.add(FieldProblem.of("unitCostRub", "shop.item.unitCost.tooHigh", rules.maxUnitCostRub()));
        }
        if (draft.kind() == ItemKind.GOODS) {
            if (draft.protocolNumber() == null || draft.protocolNumber().isBlank()) {
                problems.add(FieldProblem.of("protocolNumber", "shop.item.protocol.required"));
            }
            if (draft.protocolDate() == null) {
                problems.add(FieldProblem.of("protocolDate", "shop.item.protocol.required"));
            }
        }
        if (draft.protocolNumber() != null && draft.protocolNumber().strip().length() > 100) {
            problems.add(FieldProblem.of("protocolNumber", "shop.item.tooLong", 100));
        }
        if (draft.protocolDate() != null && draft.protocolDate().isAfter(
                clock.instant().atZone(tenants.currentConfiguration().zoneId()).toLocalDate())) {
            problems.add(FieldProblem.of("protocolDate", "shop.item.protocol.future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private Optional<StoredPhoto> storePhoto(ItemDraft draft) {
        if (draft.photo() == null || draft.photo().content().length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(photos.accept(tenants.currentConfiguration(), List.of(draft.photo())).getFirst());
        } catch (PhotoRejectedException e) {
            throw new InvalidInputException(e.problems().stream()
                    .map(p -> new FieldProblem("photo", p.code(), p.args())).toList());
        }
    }

    private void movement(UUID itemId, String kind, int quantity, UUID orderId, String note) {
        jdbc.sql("""
                insert into shop_stock_movement (id, tenant_id, item_id, kind, quantity, order_id, note, at, by_name)
                values (:id, :tenant, :item, :kind, :quantity, :order, :note, :at, :by)""")
                .param("id", UUID.randomUUID()).param("tenant", tenant()).param("item", itemId).param("kind", kind)
                .param("quantity", quantity).param("order", orderId).param("note", note).param("at", now())
                .param("by", staffName()).update();
    }

    private ShopItem lockItem(UUID id) {
        return findItem(id, true).orElseThrow(() -> refused("shop.item.notFound"));
    }

    private Optional<ShopItem> findItem(UUID id, boolean lock) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from shop_item where tenant_id = :tenant and id = :id"
                        + (lock ? " for update" : ""))
                .param("tenant", tenant()).param("id", id).query(Shop::item).optional();
    }

    private Optional<ShopOrder> lockOrder(UUID id) {
        return jdbc.sql("select " + ORDER_COLUMNS + " from shop_order where tenant_id = :tenant and id = :id"
                        + " for update")
                .param("tenant", tenant()).param("id", id).query(Shop::order).optional();
    }

    private Optional<ShopOrder> order(UUID id) {
        return jdbc.sql("select " + ORDER_COLUMNS + " from shop_order where tenant_id = :tenant and id = :id")
                .param("tenant", tenant()).param("id", id).query(Shop::order).optional();
    }

    private Actor resident() {
        return actors.current().filter(a -> a.accountId() != null).orElseThrow(() -> refused("shop.signInRequired"));
    }

    private String staffName() {
        return actors.current().map(Actor::name).orElse("system");
    }

    private String text(String key, Object... args) {
        Locale locale = Locale.forLanguageTag(tenants.currentConfiguration().defaultLocale());
        return bundle.getMessage(key, args, locale);
    }

    private static InvalidInputException refused(String code, Object... args) {
        return new InvalidInputException(List.of(FieldProblem.of("item", code, args)));
    }

    private static String description(ItemDraft draft) {
        return draft.description() == null ? "" : draft.description().strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String tenant() {
        return TenantContext.getRequiredTenantId().value();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static ShopItem item(ResultSet rs, int row) throws SQLException {
        return new ShopItem(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                ItemKind.valueOf(rs.getString("kind")), rs.getInt("price_points"), rs.getBigDecimal("unit_cost_rub"),
                rs.getString("protocol_number"), rs.getObject("protocol_date", LocalDate.class),
                rs.getString("photo_key"), rs.getString("thumbnail_key"), rs.getInt("on_hand"), rs.getInt("reserved"),
                rs.getBoolean("active"));
    }

    private static ShopOrder order(ResultSet rs, int row) throws SQLException {
        return new ShopOrder(rs.getObject("id", UUID.class), rs.getObject("item_id", UUID.class),
                rs.getString("item_name"), rs.getObject("account_id", UUID.class), rs.getString("account_name"),
                rs.getInt("points"), OrderStatus.valueOf(rs.getString("status")), instant(rs, "created_at"),
                instant(rs, "issued_at"), rs.getString("issued_by"), instant(rs, "cancelled_at"),
                rs.getString("cancelled_by"), rs.getString("cancel_reason"));
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
