package ru.civic.portal.submit;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;

import ru.civic.platform.account.Account;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.Author;
import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.Place;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.photo.PhotoRejectedException;
import ru.civic.platform.photo.PhotoService;
import ru.civic.platform.photo.PhotoUpload;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.Category;
import ru.civic.platform.tenancy.TenantConfiguration.MessageKind;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.portal.shell.PlaceMap;
import ru.civic.portal.shell.PortalLayout;

/**
 * Sending a message: kind, category (searchable by any part of its path in the tree), text, the place on a map and
 * its address, the date and time where the tenant requires them, photos with previews checked against the tenant's
 * limits as they arrive, and the publicity confirmation where the tenant needs it. The server's checks (the same as
 * the API's) put each problem next to its field. What the user typed stays: in the form on an error, and in the
 * session as a draft if they leave the page and come back.
 */
@Route(value = "submit", layout = PortalLayout.class)
@PermitAll
class SubmitMessageForm extends Div implements HasDynamicTitle {

    static final String DRAFT = SubmitMessageForm.class.getName() + ".draft";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** What the user has entered so far; kept in the session so that leaving the page loses nothing. */
    static final class Draft implements java.io.Serializable {
        MessageKind kind;
        String categoryId;
        String text = "";
        String address = "";
        Double latitude;
        Double longitude;
        LocalDateTime occurredAt;
        boolean publicity;
        final List<PhotoUpload> photos = new ArrayList<>();
    }

    private final TenantConfiguration tenant;
    private final MessageIntake intake;
    private final PhotoService photoService;
    private final Actors actors;
    private final Draft draft;

    private final Select<MessageKind> kind = new Select<>();
    private final ComboBox<Category> category = new ComboBox<>();
    private final TextArea text = new TextArea();
    private final PlaceMap map;
    private final Span pointInfo = new Span();
    private final Span placeError = new Span();
    private final TextField address = new TextField();
    private final DateTimePicker occurredAt = new DateTimePicker();
    private final Upload upload;
    private final Div previews = new Div();
    private final Span photoError = new Span();
    private final Checkbox publicity = new Checkbox();
    private final Div formError = new Div();
    private final Div form = new Div();
    private final Div receipt = new Div();
    private final Button submit = new Button();

    SubmitMessageForm(TenantRegistry tenants, MessageIntake intake, PhotoService photoService, Actors actors,
            java.time.Clock clock) {
        this.tenant = tenants.currentConfiguration();
        this.intake = intake;
        this.photoService = photoService;
        this.actors = actors;
        this.draft = draft();
        addClassName("civic-submit-page");
        getStyle().set("max-width", "760px");

        add(new H2(getTranslation("portal.submit.title")));
        Paragraph intro = new Paragraph(getTranslation("portal.submit.intro"));
        add(intro);

        formError.addClassName("civic-form-error");
        formError.getElement().setAttribute("role", "alert");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        formError.setVisible(false);

        form.addClassName("civic-submit-form");
        form.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");

        List<MessageKind> kinds = tenant.intake().kinds();
        kind.setLabel(getTranslation("portal.submit.kind"));
        kind.addClassName("civic-kind");
        kind.setItems(kinds);
        kind.setItemLabelGenerator(k -> getTranslation("portal.submit.kind." + k.name()));
        kind.setValue(draft.kind != null && kinds.contains(draft.kind) ? draft.kind : kinds.getFirst());
        kind.setVisible(kinds.size() > 1);
        kind.addValueChangeListener(e -> draft.kind = e.getValue());

        category.setLabel(getTranslation("portal.submit.category"));
        category.addClassName("civic-category");
        category.setWidthFull();
        category.setRequiredIndicatorVisible(tenant.intake().categoryRequired());
        category.setPlaceholder(getTranslation("portal.submit.category.placeholder"));
        category.setHelperText(getTranslation("portal.submit.category.helper"));
        // Searching matches any level of the tree: "ямы" finds "Дороги › Ямы на дороге".
        category.setItems((Category c, String filter) -> tenant.categoryTitle(c.id()).toLowerCase(getLocale())
                .contains(filter.toLowerCase(getLocale())), tenant.allCategories());
        category.setItemLabelGenerator(c -> tenant.categoryTitle(c.id()));
        tenant.category(draft.categoryId == null ? "" : draft.categoryId).ifPresent(category::setValue);
        category.addValueChangeListener(e -> {
            draft.categoryId = e.getValue() == null ? null : e.getValue().id();
            category.setInvalid(false);
        });

        text.setLabel(getTranslation("portal.submit.text"));
        text.addClassName("civic-text");
        text.setWidthFull();
        text.setMinHeight("140px");
        text.setRequiredIndicatorVisible(true);
        text.setMaxLength(10_000);
        text.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        text.setHelperText(getTranslation("portal.submit.text.helper"));
        text.setValue(draft.text);
        text.addValueChangeListener(e -> {
            draft.text = e.getValue();
            text.setInvalid(false);
        });

        map = new PlaceMap(tenant, getTranslation("portal.submit.map.label"));
        map.setPoint(draft.latitude, draft.longitude);
        map.setEditable(true, (lat, lon) -> {
            draft.latitude = lat;
            draft.longitude = lon;
            showPoint();
            placeError.setVisible(false);
        });
        pointInfo.addClassName("civic-point");
        showPoint();
        placeError.addClassName("civic-place-error");
        placeError.getElement().setAttribute("role", "alert");
        placeError.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        placeError.setVisible(false);
        Button clearPoint = new Button(getTranslation("portal.submit.map.clear"), e -> {
            draft.latitude = null;
            draft.longitude = null;
            map.setPoint(null, null);
            showPoint();
        });
        clearPoint.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);

        address.setLabel(getTranslation("portal.submit.address"));
        address.addClassName("civic-address");
        address.setWidthFull();
        address.setMaxLength(500);
        address.setRequiredIndicatorVisible(tenant.intake().placeRequired());
        address.setHelperText(getTranslation("portal.submit.address.helper"));
        address.setValue(draft.address);
        address.addValueChangeListener(e -> {
            draft.address = e.getValue();
            address.setInvalid(false);
            placeError.setVisible(false);
        });

        // Where the tenant has no map (features.map: false), the place is the address alone.
        boolean withMap = tenant.features().map();
        Div place = withMap ? new Div(new H3(getTranslation("portal.submit.place")),
                new Paragraph(getTranslation("portal.submit.map.hint")), map,
                new FlexLayout(pointInfo, clearPoint), placeError, address)
                : new Div(new H3(getTranslation("portal.submit.place")), placeError, address);
        place.addClassName("civic-place");

        occurredAt.setLabel(getTranslation("portal.submit.occurredAt"));
        occurredAt.addClassName("civic-occurred-at");
        occurredAt.setRequiredIndicatorVisible(true);
        occurredAt.setMax(LocalDateTime.now(clock.withZone(tenant.zoneId())).plusMinutes(5));
        occurredAt.setValue(draft.occurredAt);
        occurredAt.setVisible(tenant.intake().dateTimeRequired());
        occurredAt.addValueChangeListener(e -> {
            draft.occurredAt = e.getValue();
            occurredAt.setInvalid(false);
        });

        TenantConfiguration.PhotoRules rules = tenant.photos();
        UploadHandler handler = UploadHandler.inMemory((metadata, bytes) -> acceptPhoto(metadata.fileName(), bytes));
        upload = new Upload(handler);
        upload.addClassName("civic-photos");
        upload.setMaxFiles(rules.maxCount());
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, rules.maxTotalBytes()));
        upload.setAcceptedFileTypes(acceptedTypes(rules));
        upload.setDropLabel(new Span(getTranslation("portal.submit.photos.drop")));
        upload.setI18n(uploadTexts());
        upload.addFileRejectedListener(e -> showPhotoError(getTranslation("portal.submit.photos.rejected",
                e.getFileName(), e.getErrorMessage())));
        Span photoRules = new Span(getTranslation("portal.submit.photos.rules", rules.maxCount(),
                rules.formats().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")),
                rules.maxTotalBytes() / (1024 * 1024)));
        photoRules.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        photoError.addClassName("civic-photo-error");
        photoError.getElement().setAttribute("role", "alert");
        photoError.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        photoError.setVisible(false);
        previews.addClassName("civic-photo-previews");
        previews.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
        Div photos = new Div(new H3(getTranslation("portal.submit.photos")), photoRules, upload, photoError, previews);
        photos.addClassName("civic-photos-block");

        publicity.setLabel(getTranslation("portal.submit.publicity"));
        publicity.addClassName("civic-publicity");
        publicity.setVisible(tenant.intake().publicityConfirmation());
        publicity.setRequiredIndicatorVisible(true);
        publicity.setValue(draft.publicity);
        publicity.addValueChangeListener(e -> {
            draft.publicity = e.getValue();
            publicity.setInvalid(false);
        });

        submit.setText(getTranslation("portal.submit.send"));
        // Disabled while the server works (no double sending), enabled again when the form stays on screen.
        submit.addClickListener(e -> {
            try {
                send();
            } finally {
                submit.setEnabled(true);
            }
        });
        submit.addClassName("civic-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);

        form.add(kind, category, text, place, occurredAt, photos, publicity, formError, submit);
        receipt.addClassName("civic-receipt");
        receipt.setVisible(false);
        add(form, receipt);
        refreshPreviews();
    }

    @SuppressWarnings("unchecked")
    private static Draft draft() {
        VaadinSession session = VaadinSession.getCurrent();
        Draft d = session == null ? null : (Draft) session.getAttribute(DRAFT);
        if (d == null) {
            d = new Draft();
            if (session != null) {
                session.setAttribute(DRAFT, d);
            }
        }
        return d;
    }

    /** The upload's own texts (button, errors, units) from the bundles: Vaadin's defaults are English. */
    private com.vaadin.flow.component.upload.UploadI18N uploadTexts() {
        var i18n = new com.vaadin.flow.component.upload.UploadI18N();
        i18n.setAddFiles(new com.vaadin.flow.component.upload.UploadI18N.AddFiles()
                .setOne(getTranslation("portal.submit.photos.addOne"))
                .setMany(getTranslation("portal.submit.photos.addMany")));
        i18n.setDropFiles(new com.vaadin.flow.component.upload.UploadI18N.DropFiles()
                .setOne(getTranslation("portal.submit.photos.drop"))
                .setMany(getTranslation("portal.submit.photos.drop")));
        i18n.setError(new com.vaadin.flow.component.upload.UploadI18N.Error()
                .setTooManyFiles(getTranslation("portal.submit.photos.tooMany"))
                .setFileIsTooBig(getTranslation("portal.submit.photos.tooBig"))
                .setIncorrectFileType(getTranslation("portal.submit.photos.wrongType")));
        i18n.setUploading(new com.vaadin.flow.component.upload.UploadI18N.Uploading()
                .setStatus(new com.vaadin.flow.component.upload.UploadI18N.Uploading.Status()
                        .setConnecting(getTranslation("portal.submit.photos.connecting"))
                        .setProcessing(getTranslation("portal.submit.photos.processing"))
                        .setHeld(getTranslation("portal.submit.photos.held")))
                .setError(new com.vaadin.flow.component.upload.UploadI18N.Uploading.Error()
                        .setServerUnavailable(getTranslation("portal.submit.photos.serverError"))
                        .setUnexpectedServerError(getTranslation("portal.submit.photos.serverError"))
                        .setForbidden(getTranslation("portal.submit.photos.serverError"))));
        i18n.setUnits(new com.vaadin.flow.component.upload.UploadI18N.Units(
                java.util.List.of(getTranslation("portal.units.bytes"), getTranslation("portal.units.kb"),
                        getTranslation("portal.units.mb"), getTranslation("portal.units.gb"),
                        getTranslation("portal.units.tb"))));
        i18n.setFile(new com.vaadin.flow.component.upload.UploadI18N.File()
                .setRetry(getTranslation("portal.submit.photos.retry"))
                .setStart(getTranslation("portal.submit.photos.start"))
                .setRemove(getTranslation("portal.submit.photos.remove")));
        return i18n;
    }

    private static String[] acceptedTypes(TenantConfiguration.PhotoRules rules) {
        List<String> types = new ArrayList<>();
        for (TenantConfiguration.PhotoFormat f : rules.formats()) {
            switch (f) {
                case JPEG -> types.addAll(List.of("image/jpeg", ".jpg", ".jpeg"));
                case PNG -> types.addAll(List.of("image/png", ".png"));
                case TIFF -> types.addAll(List.of("image/tiff", ".tif", ".tiff"));
            }
        }
        return types.toArray(String[]::new);
    }

    private void showPoint() {
        pointInfo.setText(draft.latitude == null ? getTranslation("portal.submit.map.none")
                : getTranslation("portal.submit.map.point", String.format(java.util.Locale.ROOT, "%.5f", draft.latitude),
                        String.format(java.util.Locale.ROOT, "%.5f", draft.longitude)));
    }

    /**
     * One uploaded file: checked at once against the tenant's rules together with those already attached (format by
     * content, count, total size, pixels), so the user learns of a problem before sending. Package-private for tests.
     */
    void acceptPhoto(String fileName, byte[] bytes) {
        List<PhotoUpload> candidate = new ArrayList<>(draft.photos);
        candidate.add(new PhotoUpload(fileName, bytes));
        try {
            photoService.check(tenant, candidate);
            draft.photos.add(candidate.getLast());
            photoError.setVisible(false);
        } catch (PhotoRejectedException e) {
            showPhotoError(e.problems().stream().map(p -> getTranslation(p.code(), p.args().toArray()))
                    .collect(Collectors.joining(" ")));
        }
        refreshPreviews();
    }

    private void showPhotoError(String message) {
        photoError.setText(message);
        photoError.setVisible(true);
    }

    private void refreshPreviews() {
        previews.removeAll();
        for (int i = 0; i < draft.photos.size(); i++) {
            PhotoUpload photo = draft.photos.get(i);
            byte[] content = photo.content();
            String name = photo.fileName();
            Image image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(content), name, null, content.length)),
                    getTranslation("portal.submit.photos.preview", name));
            image.setHeight("96px");
            image.getStyle().set("object-fit", "cover").set("border-radius", "var(--lumo-border-radius-s)");
            Button remove = new Button(getTranslation("portal.submit.photos.remove"), e -> {
                draft.photos.remove(photo);
                photoError.setVisible(false);
                refreshPreviews();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            remove.getElement().setAttribute("aria-label", getTranslation("portal.submit.photos.removeNamed", name));
            Div tile = new Div(image, remove);
            tile.addClassName("civic-photo-preview");
            tile.getStyle().set("display", "flex").set("flex-direction", "column").set("align-items", "center");
            previews.add(tile);
        }
    }

    /** Package-private for tests: what pressing "Send" does. */
    void send() {
        clearErrors();
        Account account = actors.currentAccount().orElse(null);
        if (account == null) {
            showFormError(getTranslation("portal.submit.signInFirst"));
            return;
        }
        ZoneId zone = tenant.zoneId();
        Place place = new Place(draft.latitude, draft.longitude, blankToNull(draft.address));
        SubmitMessage submission = new SubmitMessage(kind.getValue(), draft.text, draft.categoryId,
                place.isEmpty() ? null : place,
                tenant.intake().dateTimeRequired() && draft.occurredAt != null
                        ? draft.occurredAt.atZone(zone).toInstant() : null,
                draft.publicity, List.copyOf(draft.photos), null, null);
        try {
            Receipt r = intake.submit(submission,
                    new Author(account.getId(), account.getDisplayName(), account.getEmail(), null),
                    Message.Channel.PORTAL);
            VaadinSession.getCurrent().setAttribute(DRAFT, null);
            showReceipt(r);
        } catch (InvalidInputException e) {
            showProblems(e.problems());
        }
    }

    private void showReceipt(Receipt r) {
        form.setVisible(false);
        receipt.removeAll();
        Span number = new Span(r.number());
        number.addClassName("civic-receipt-number");
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "700");
        receipt.add(new H3(getTranslation("portal.submit.sent")), number,
                new Paragraph(getTranslation("portal.submit.sent.keep")));
        if (r.dueAt() != null) {
            receipt.add(new Paragraph(getTranslation("portal.submit.sent.due",
                    DAY.format(r.dueAt().atZone(tenant.zoneId())))));
        }
        receipt.add(new Anchor("messages/" + r.number(), getTranslation("portal.submit.sent.open")),
                new Span(" · "), new Anchor("submit", getTranslation("portal.submit.another")));
        receipt.getElement().setAttribute("role", "status");
        receipt.setVisible(true);
    }

    private void showProblems(List<FieldProblem> problems) {
        List<String> unplaced = new ArrayList<>();
        Map<Component, List<String>> byField = new java.util.LinkedHashMap<>();
        for (FieldProblem p : problems) {
            String message = getTranslation(p.code(), p.args().toArray());
            Component target = fieldOf(p.field());
            if (target == null) {
                unplaced.add(message);
            } else {
                byField.computeIfAbsent(target, k -> new ArrayList<>()).add(message);
            }
        }
        byField.forEach((field, messages) -> {
            String joined = String.join(" ", messages);
            if (field instanceof HasValidation v) {
                v.setErrorMessage(joined);
                v.setInvalid(true);
            } else if (field instanceof Span span) {
                span.setText(joined);
                span.setVisible(true);
            }
        });
        if (!unplaced.isEmpty()) {
            showFormError(String.join(" ", unplaced));
        } else {
            showFormError(getTranslation("portal.submit.fixErrors"));
        }
    }

    private Component fieldOf(String field) {
        if (field == null) {
            return null;
        }
        if (field.equals("text")) {
            return text;
        }
        if (field.equals("categoryId")) {
            return category;
        }
        if (field.equals("kind")) {
            return kind;
        }
        if (field.equals("place.address")) {
            return address;
        }
        if (field.startsWith("place")) {
            return placeError;
        }
        if (field.equals("occurredAt")) {
            return occurredAt;
        }
        if (field.startsWith("photos")) {
            return photoError;
        }
        if (field.equals("publicityConfirmed")) {
            return publicity;
        }
        return null;
    }

    private void clearErrors() {
        for (HasValidation v : List.<HasValidation>of(text, category, kind, address, occurredAt, publicity)) {
            v.setInvalid(false);
        }
        placeError.setVisible(false);
        photoError.setVisible(false);
        formError.setVisible(false);
    }

    private void showFormError(String message) {
        formError.setText(message);
        formError.setVisible(true);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.submit.title");
    }

    // Accessors for the browserless tests of this package.
    TextArea text() { return text; }
    ComboBox<Category> category() { return category; }
    TextField address() { return address; }
    PlaceMap map() { return map; }
    DateTimePicker occurredAt() { return occurredAt; }
    Checkbox publicity() { return publicity; }
    Span placeError() { return placeError; }
    Span photoError() { return photoError; }
    Div previews() { return previews; }
    Div receipt() { return receipt; }
    Div formError() { return formError; }
}
