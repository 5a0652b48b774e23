package ru.civic.admin.shop;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import ru.civic.admin.shell.AdminLayout;
import ru.civic.admin.shell.TenantFeature;
import ru.civic.admin.shell.UploadTexts;
import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.photo.PhotoUpload;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.shop.ItemDraft;
import ru.civic.platform.shop.ItemKind;
import ru.civic.platform.shop.MonthlySupply;
import ru.civic.platform.shop.OrderStatus;
import ru.civic.platform.shop.Shop;
import ru.civic.platform.shop.ShopItem;
import ru.civic.platform.shop.ShopOrder;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * The bonus shop's desk (Gubkinsky 2, 4): the month's municipal certificate supply against the minimum, the
 * catalogue with its editor (each problem at its field, nothing typed lost), stock receipts of the selected item,
 * and the orders to issue or cancel with a reason. The operator sees everything and changes nothing.
 */
@Route(value = "admin/shop", layout = AdminLayout.class)
@Menu(title = "admin.menu.shop", order = 40)
@TenantFeature(TenantFeature.Feature.SHOP)
@RolesAllowed({Permissions.SHOP_ADMIN, Permissions.OPERATOR})
class ShopView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final Shop shop;
    private final AuthenticationContext authentication;
    private final ZoneId zone;
    private final boolean manages;

    private final Paragraph supply = new Paragraph();
    private final Span done = new Span();
    private final Span error = new Span();
    // The catalogue and the editor
    private final Grid<ShopItem> items = new Grid<>();
    private final H2 editorTitle = new H2();
    private final TextField name = new TextField();
    private final TextArea description = new TextArea();
    private final RadioButtonGroup<ItemKind> kind = new RadioButtonGroup<>();
    private final IntegerField pricePoints = new IntegerField();
    private final BigDecimalField unitCostRub = new BigDecimalField();
    private final TextField protocolNumber = new TextField();
    private final DatePicker protocolDate = new DatePicker();
    private final Upload photo;
    private final Span photoStatus = new Span();
    private PhotoUpload pendingPhoto;
    private final Button save = new Button();
    private final Button toggleActive = new Button();
    private UUID editing;
    // Receipts of the selected item
    private final Div receipt = new Div();
    private final IntegerField quantity = new IntegerField();
    private final TextField note = new TextField();
    private final Button receive = new Button();
    // Orders
    private final Grid<ShopOrder> orders = new Grid<>();
    private final Div selectedOrder = new Div();
    private final TextArea cancelReason = new TextArea();

    ShopView(Shop shop, AuthenticationContext authentication, TenantRegistry tenants) {
        this.shop = shop;
        this.authentication = authentication;
        this.zone = tenants.currentConfiguration().zoneId();
        this.manages = authentication.hasRole(Permissions.SHOP_ADMIN);
        addClassName("civic-shop-desk");
        supply.addClassName("civic-shop-supply");
        done.addClassName("civic-shop-done");
        done.setVisible(false);
        error.addClassName("civic-field-error");
        error.setVisible(false);

        items.addColumn(ShopItem::name).setHeader(getTranslation("admin.shop.name")).setFlexGrow(2);
        items.addColumn(i -> getTranslation("admin.shop.kind." + i.kind().name()))
                .setHeader(getTranslation("admin.shop.kind")).setAutoWidth(true);
        items.addColumn(ShopItem::pricePoints).setHeader(getTranslation("admin.shop.pricePoints")).setAutoWidth(true);
        items.addColumn(i -> i.unitCostRub().toPlainString()).setHeader(getTranslation("admin.shop.unitCostRub"))
                .setAutoWidth(true);
        items.addColumn(i -> getTranslation("admin.shop.stockLine", i.available(), i.reserved(), i.onHand()))
                .setHeader(getTranslation("admin.shop.stock")).setAutoWidth(true);
        items.addColumn(i -> getTranslation(i.active() ? "admin.shop.active" : "admin.shop.withdrawn"))
                .setHeader(getTranslation("admin.shop.state")).setAutoWidth(true);
        items.setHeight("30vh");
        items.addClassName("civic-shop-items");
        items.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                edit(e.getValue());
            }
        });

        name.setLabel(getTranslation("admin.shop.name"));
        name.setMaxLength(200);
        name.setWidthFull();
        description.setLabel(getTranslation("admin.shop.description"));
        description.setWidthFull();
        kind.setLabel(getTranslation("admin.shop.kind"));
        kind.setItems(ItemKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("admin.shop.kind." + k.name()));
        pricePoints.setLabel(getTranslation("admin.shop.pricePoints"));
        pricePoints.setMin(1);
        unitCostRub.setLabel(getTranslation("admin.shop.unitCostRub"));
        var rules = tenants.currentConfiguration().shop();
        if (rules != null && rules.maxUnitCostRub() != null) {
            unitCostRub.setHelperText(getTranslation("admin.shop.unitCostRub.help", rules.maxUnitCostRub()));
        }
        protocolNumber.setLabel(getTranslation("admin.shop.protocolNumber"));
        protocolNumber.setHelperText(getTranslation("admin.shop.protocol.help"));
        protocolDate.setLabel(getTranslation("admin.shop.protocolDate"));
        photo = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            pendingPhoto = new PhotoUpload(metadata.fileName(), bytes);
            photoStatus.setText(getTranslation("admin.shop.photo.pending", metadata.fileName()));
        }));
        photo.setMaxFiles(1);
        photo.setI18n(UploadTexts.of(this::getTranslation));
        photo.setAcceptedFileTypes("image/jpeg", "image/png", ".jpg", ".jpeg", ".png");
        photoStatus.addClassName("civic-shop-photo-status");
        save.setText(getTranslation("admin.shop.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("civic-shop-save");
        save.addClickListener(e -> save());
        toggleActive.addClassName("civic-shop-toggle");
        toggleActive.addClickListener(e -> toggleActive());
        Button fresh = new Button(getTranslation("admin.shop.new"), click -> edit(null));
        fresh.addClassName("civic-shop-new");

        quantity.setLabel(getTranslation("admin.shop.quantity"));
        quantity.setMin(1);
        note.setLabel(getTranslation("admin.shop.note"));
        receive.setText(getTranslation("admin.shop.receive"));
        receive.addClassName("civic-shop-receive");
        receive.addClickListener(e -> receive());
        receipt.addClassName("civic-shop-receipt");
        receipt.add(new H2(getTranslation("admin.shop.receipts")), new FormLayout(quantity, note), receive);

        orders.addColumn(ShopOrder::number).setHeader(getTranslation("admin.shop.order.number")).setAutoWidth(true);
        orders.addColumn(ShopOrder::itemName).setHeader(getTranslation("admin.shop.order.item")).setFlexGrow(2);
        orders.addColumn(ShopOrder::accountName).setHeader(getTranslation("admin.shop.order.resident"))
                .setFlexGrow(1);
        orders.addColumn(ShopOrder::points).setHeader(getTranslation("admin.shop.order.points")).setAutoWidth(true);
        orders.addColumn(o -> WHEN.format(o.createdAt().atZone(zone)))
                .setHeader(getTranslation("admin.shop.order.created")).setAutoWidth(true);
        orders.addColumn(this::statusText).setHeader(getTranslation("admin.shop.order.status")).setFlexGrow(1);
        orders.setHeight("30vh");
        orders.addClassName("civic-shop-orders");
        orders.asSingleSelect().addValueChangeListener(e -> selectOrder(e.getValue()));
        selectedOrder.addClassName("civic-shop-selected-order");
        cancelReason.setLabel(getTranslation("admin.shop.order.cancelReason"));
        cancelReason.setWidthFull();

        FormLayout form = new FormLayout(name, kind, description, pricePoints, unitCostRub, protocolNumber,
                protocolDate);
        form.setColspan(name, 2);
        form.setColspan(description, 2);
        add(new H1(getTranslation("admin.shop.title")), supply, done, error, new H2(getTranslation("admin.shop.catalogue")),
                items);
        if (manages) {
            add(fresh, editorTitle, form, new Span(getTranslation("admin.shop.photo")), photo, photoStatus, save,
                    toggleActive, receipt);
        }
        add(new H2(getTranslation("admin.shop.orders")), orders, selectedOrder);
        edit(null);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        items.setItems(shop.catalogue());
        orders.setItems(shop.orders());
        MonthlySupply month = shop.supply(shop.currentMonth());
        String monthName = DateTimeFormatter.ofPattern("LLLL yyyy", getLocale() == null ? Locale.of("ru")
                : getLocale()).format(month.month());
        String text = month.minimum() == null
                ? getTranslation("admin.shop.supply.noMinimum", monthName, month.received())
                : getTranslation("admin.shop.supply", monthName, month.received(), month.minimum());
        if (month.alertSentAt() != null) {
            text += " " + getTranslation("admin.shop.supply.alerted", WHEN.format(month.alertSentAt().atZone(zone)));
        }
        supply.setText(text);
        supply.getElement().setAttribute("data-below", String.valueOf(month.belowMinimum()));
    }

    private String statusText(ShopOrder o) {
        String status = getTranslation("admin.shop.order.status." + o.status().name());
        if (o.status() == OrderStatus.ISSUED) {
            return status + " · " + WHEN.format(o.issuedAt().atZone(zone)) + " · " + o.issuedBy();
        }
        if (o.status() == OrderStatus.CANCELLED) {
            return status + " · " + o.cancelReason();
        }
        return status;
    }

    private void edit(ShopItem item) {
        clearErrors();
        editing = item == null ? null : item.id();
        editorTitle.setText(item == null ? getTranslation("admin.shop.new")
                : getTranslation("admin.shop.edit", item.name()));
        name.setValue(item == null ? "" : item.name());
        description.setValue(item == null ? "" : item.description());
        kind.setValue(item == null ? ItemKind.GOODS : item.kind());
        pricePoints.setValue(item == null ? null : item.pricePoints());
        unitCostRub.setValue(item == null ? null : item.unitCostRub());
        protocolNumber.setValue(item == null || item.protocolNumber() == null ? "" : item.protocolNumber());
        protocolDate.setValue(item == null ? null : item.protocolDate());
        pendingPhoto = null;
        photo.clearFileList();
        photoStatus.setText(item != null && item.photoKey() != null ? getTranslation("admin.shop.photo.present") : "");
        toggleActive.setVisible(item != null);
        toggleActive.setText(getTranslation(item != null && !item.active() ? "admin.shop.restore"
                : "admin.shop.withdraw"));
        receipt.setVisible(item != null);
        quantity.clear();
        note.clear();
    }

    private void save() {
        clearErrors();
        ItemDraft draft = new ItemDraft(name.getValue(), description.getValue(), kind.getValue(),
                pricePoints.getValue(), unitCostRub.getValue(), protocolNumber.getValue(), protocolDate.getValue(),
                pendingPhoto);
        try {
            if (editing == null) {
                editing = shop.create(draft);
            } else {
                shop.update(editing, draft);
            }
            pendingPhoto = null;
            ok(getTranslation("admin.shop.saved", draft.name().strip()));
            refresh();
            edit(shop.item(editing));
        } catch (InvalidInputException e) {
            e.problems().forEach(this::show);
        }
    }

    private void toggleActive() {
        if (editing == null) {
            return;
        }
        ShopItem item = shop.item(editing);
        shop.setActive(editing, !item.active());
        ok(getTranslation(item.active() ? "admin.shop.withdrawn.done" : "admin.shop.restored.done", item.name()));
        refresh();
        edit(shop.item(editing));
    }

    private void receive() {
        clearErrors();
        if (editing == null) {
            return;
        }
        try {
            shop.receive(editing, quantity.getValue(), note.getValue());
            ShopItem item = shop.item(editing);
            ok(getTranslation("admin.shop.received", quantity.getValue(), item.name()));
            refresh();
            edit(item);
        } catch (InvalidInputException e) {
            e.problems().forEach(this::show);
        }
    }

    private void selectOrder(ShopOrder order) {
        selectedOrder.removeAll();
        if (order == null || order.status() != OrderStatus.RESERVED || !manages) {
            return;
        }
        cancelReason.clear();
        cancelReason.setInvalid(false);
        Button issue = new Button(getTranslation("admin.shop.order.issue"), click -> orderAction(
                () -> shop.issue(order.id()), getTranslation("admin.shop.order.issued", order.number())));
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        issue.addClassName("civic-shop-issue");
        Button cancel = new Button(getTranslation("admin.shop.order.cancel"), click -> orderAction(
                () -> shop.cancel(order.id(), cancelReason.getValue()),
                getTranslation("admin.shop.order.cancelled", order.number())));
        cancel.addClassName("civic-shop-cancel");
        selectedOrder.add(new Paragraph(getTranslation("admin.shop.order.selected", order.number(),
                order.itemName(), order.accountName())), issue, cancelReason, cancel);
    }

    private void orderAction(Runnable action, String doneText) {
        clearErrors();
        try {
            action.run();
            ok(doneText);
            selectedOrder.removeAll();
            refresh();
        } catch (InvalidInputException e) {
            e.problems().forEach(this::show);
        }
    }

    private void ok(String text) {
        done.setText(text);
        done.setVisible(true);
    }

    private void clearErrors() {
        List<HasValidation> fields = new ArrayList<>(List.of(name, description, kind, pricePoints, unitCostRub,
                protocolNumber, protocolDate, quantity, cancelReason));
        fields.forEach(f -> f.setInvalid(false));
        error.setVisible(false);
        done.setVisible(false);
    }

    /** Puts a problem next to its field; what was typed stays in the form. */
    private void show(FieldProblem problem) {
        String text = getTranslation(problem.code(), problem.args().toArray());
        HasValidation target = switch (problem.field()) {
            case "name" -> name;
            case "description" -> description;
            case "kind" -> kind;
            case "pricePoints" -> pricePoints;
            case "unitCostRub" -> unitCostRub;
            case "protocolNumber" -> protocolNumber;
            case "protocolDate" -> protocolDate;
            case "quantity" -> quantity;
            case "reason" -> cancelReason;
            default -> null;
        };
        if (target != null) {
            target.setErrorMessage(text);
            target.setInvalid(true);
        } else if (problem.field().equals("photo")) {
            photoStatus.setText(text);
        } else {
            error.setText(text);
            error.setVisible(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.shop.title");
    }

    // For the browserless tests of this package.
    Grid<ShopItem> items() { return items; }
    Grid<ShopOrder> orders() { return orders; }
    TextField name() { return name; }
    RadioButtonGroup<ItemKind> kind() { return kind; }
    IntegerField pricePoints() { return pricePoints; }
    BigDecimalField unitCostRub() { return unitCostRub; }
    TextField protocolNumber() { return protocolNumber; }
    DatePicker protocolDate() { return protocolDate; }
    Button saveButton() { return save; }
    IntegerField quantity() { return quantity; }
    Button receiveButton() { return receive; }
    Div selectedOrder() { return selectedOrder; }
    Paragraph supply() { return supply; }
    Span done() { return done; }
    Span error() { return error; }
}
