package ru.civic.admin.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The forms of the rules editor, one per tab, each built from the working copy of the document through
 * {@link RulesForm}. Lists (organisations, categories, reasons...) get add and remove buttons; adding or removing
 * rebuilds the tab from the tree, so indices in the field paths stay those the core will name.
 */
final class RulesSections {

    static final List<String> DAY_TYPES = List.of("WORKING", "CALENDAR");
    static final List<String> ORGANISATION_KINDS = List.of("AUTHORITY", "MUNICIPALITY", "ORGANISATION", "UNIT");
    static final List<String> PHOTO_FORMATS = List.of("JPEG", "PNG", "TIFF");
    static final List<String> TENANT_ROLES = List.of("CITIZEN", "MODERATOR", "COORDINATOR", "EXECUTOR", "HEAD",
            "CURATOR", "OPERATOR", "ANALYST", "SHOP_ADMIN", "DATA_PROVIDER");
    static final List<String> SLA_STAGES = List.of("MODERATION", "REGISTRATION", "COORDINATION", "EXECUTION",
            "AGREEMENT", "APPROVAL", "ANSWER", "POLL_MODERATION", "POLL_RESULTS", "REPORT");
    static final List<String> SLA_FROM = List.of("RECEIPT", "REGISTRATION", "RATING", "END", "STAGE_START");
    static final List<String> POINT_ACTIONS = List.of("MESSAGE_PUBLISHED", "IDEA_PUBLISHED", "VOTE", "SUPPORT",
            "COMMENT", "POLL_COMPLETED");

    private final RulesForm form;
    private final Function<String, String> text;

    RulesSections(RulesForm form, Function<String, String> text) {
        this.form = form;
        this.text = text;
    }

    private String t(String key) {
        return text.apply("admin.rules." + key);
    }

    private Function<String, String> enumCaption(String prefix) {
        return value -> {
            String caption = text.apply("admin.rules." + prefix + "." + value);
            return caption.startsWith("!") ? value : caption; // Vaadin marks a missing key with "!{key}!"
        };
    }

    private static FormLayout grid(Component... fields) {
        FormLayout layout = new FormLayout(fields);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2),
                new FormLayout.ResponsiveStep("70em", 3));
        return layout;
    }

    private static Div card(String className, Component... content) {
        Div card = new Div(content);
        card.addClassNames("civic-rules-item", className);
        return card;
    }

    /** An add button under a list: appends a new element made by {@code element} and rebuilds the tab. */
    private Button add(String label, String arrayPointer, Consumer<ObjectNode> element, Runnable rebuild) {
        Button button = new Button(label, e -> {
            ArrayNode array = arrayAt(arrayPointer);
            element.accept(array.addObject());
            rebuild.run();
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.addClassName("civic-rules-add");
        return button;
    }

    private Button remove(String arrayPointer, int index, Runnable rebuild) {
        Button button = new Button(t("remove"), e -> {
            arrayAt(arrayPointer).remove(index);
            rebuild.run();
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        button.addClassName("civic-rules-remove");
        return button;
    }

    private ArrayNode arrayAt(String pointer) {
        int cut = pointer.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) form.container(pointer.substring(0, cut));
        String key = pointer.substring(cut + 1);
        return parent.get(key) instanceof ArrayNode array ? array : parent.putArray(key);
    }

    private int size(String pointer) {
        JsonNode node = form.at(pointer);
        return node.isArray() ? node.size() : 0;
    }

    private List<String> organisationIds() {
        List<String> ids = new ArrayList<>();
        form.at("/organisations").forEach(o -> {
            if (o.hasNonNull("id") && !o.get("id").asText().isBlank()) {
                ids.add(o.get("id").asText());
            }
        });
        return ids;
    }

    private String organisationCaption(String id) {
        return StreamSupport.stream(form.at("/organisations").spliterator(), false)
                .filter(o -> id.equals(o.path("id").asText())).findFirst()
                .map(o -> o.path("name").asText(id) + " (" + id + ")").orElse(id);
    }

    void branding(VerticalLayout tab) {
        tab.add(new Paragraph(t("branding.hint")));
        tab.add(grid(
                form.text("/name", t("name"), true),
                form.text("/shortName", t("shortName"), false),
                form.text("/branding/title", t("branding.title"), true),
                form.text("/branding/tagline", t("branding.tagline"), false),
                form.text("/branding/primaryColor", t("branding.primaryColor"), true),
                form.text("/branding/accentColor", t("branding.accentColor"), true),
                form.text("/branding/backgroundColor", t("branding.backgroundColor"), false)));
        tab.add(new H3(t("branding.footer")));
        tab.add(grid(
                form.text("/branding/footer/organisation", t("branding.footer.organisation"), true),
                form.text("/branding/footer/address", t("contact.address"), false),
                form.text("/branding/footer/phone", t("contact.phone"), false),
                form.text("/branding/footer/email", t("contact.email"), false),
                form.text("/branding/footer/hours", t("contact.hours"), false)));
    }

    void photos(VerticalLayout tab) {
        tab.add(grid(
                form.integer("/photos/maxCount", t("photos.maxCount")),
                form.integer("/photos/maxTotalBytes", t("photos.maxTotalBytes")),
                form.integer("/photos/maxPixels", t("photos.maxPixels")),
                form.multi("/photos/formats", t("photos.formats"), PHOTO_FORMATS, f -> f)));
    }

    void rolesAndGuests(VerticalLayout tab) {
        tab.add(form.multi("/roles", t("roles"), TENANT_ROLES, enumCaption("role")));
        tab.add(new H3(t("guests")));
        tab.add(form.check("/guests/read", t("guests.read")), form.check("/guests/support", t("guests.support")),
                form.check("/guests/vote", t("guests.vote")));
    }

    void deadlines(VerticalLayout tab, Runnable rebuild) {
        tab.add(new Paragraph(t("sla.hint")));
        tab.add(form.check("/sla/receivedOnNonWorkingDayCountsFromNextWorkingDay", t("sla.nonWorkingDay")));
        for (int i = 0; i < size("/sla/rules"); i++) {
            String p = "/sla/rules/" + i;
            tab.add(card("civic-rules-sla", grid(
                    form.text(p + "/id", t("sla.id"), true),
                    form.choice(p + "/stage", t("sla.stage"), SLA_STAGES, enumCaption("stage")),
                    form.choice(p + "/from", t("sla.from"), SLA_FROM, enumCaption("from")),
                    form.integer(p + "/days", t("days")),
                    form.choice(p + "/dayType", t("dayType"), DAY_TYPES, enumCaption("dayType")),
                    form.text(p + "/clause", t("clause"), false)), remove("/sla/rules", i, rebuild)));
        }
        tab.add(add(t("sla.add"), "/sla/rules", o -> o.put("id", "").put("days", 1).put("dayType", "WORKING"),
                rebuild));
    }

    void refusalReasons(VerticalLayout tab, Runnable rebuild) {
        for (int i = 0; i < size("/refusalReasons"); i++) {
            String p = "/refusalReasons/" + i;
            tab.add(card("civic-rules-reason", grid(
                    form.text(p + "/code", t("reason.code"), true),
                    form.text(p + "/title", t("reason.title"), true),
                    form.text(p + "/clause", t("clause"), false),
                    form.check(p + "/inviteToCorrect", t("reason.inviteToCorrect"))),
                    remove("/refusalReasons", i, rebuild)));
        }
        tab.add(add(t("reason.add"), "/refusalReasons", o -> o.put("code", "").put("title", ""), rebuild));
    }

    void organisations(VerticalLayout tab, Runnable rebuild) {
        tab.add(new Paragraph(t("organisations.hint")));
        List<String> ids = organisationIds();
        for (int i = 0; i < size("/organisations"); i++) {
            String p = "/organisations/" + i;
            tab.add(card("civic-rules-organisation", grid(
                    form.text(p + "/id", t("organisation.id"), true),
                    form.text(p + "/name", t("organisation.name"), true),
                    form.choice(p + "/kind", t("organisation.kind"), ORGANISATION_KINDS, enumCaption("kind")),
                    form.choice(p + "/parent", t("organisation.parent"), ids, this::organisationCaption),
                    form.text(p + "/address", t("contact.address"), false),
                    form.text(p + "/phone", t("contact.phone"), false),
                    form.text(p + "/email", t("contact.email"), false),
                    form.text(p + "/hours", t("contact.hours"), false),
                    form.text(p + "/website", t("contact.website"), false)),
                    remove("/organisations", i, rebuild)));
        }
        tab.add(add(t("organisation.add"), "/organisations",
                o -> o.put("id", "").put("name", "").put("kind", "ORGANISATION"), rebuild));
    }

    void categories(VerticalLayout tab, Runnable rebuild) {
        tab.add(new Paragraph(t("categories.hint")));
        List<String> ids = organisationIds();
        category(tab, "/categories", 0, ids, rebuild);
        tab.add(add(t("category.addTop"), "/categories", o -> o.put("id", "").put("name", ""), rebuild));
    }

    private void category(VerticalLayout tab, String listPointer, int depth, List<String> organisations,
            Runnable rebuild) {
        for (int i = 0; i < size(listPointer); i++) {
            String p = listPointer + "/" + i;
            Div card = card("civic-rules-category", grid(
                    form.text(p + "/id", t("category.id"), true),
                    form.text(p + "/name", t("category.name"), true),
                    form.choice(p + "/organisation", t(depth == 0 ? "category.organisation"
                            : "category.organisationInherited"), organisations, this::organisationCaption),
                    form.multi(p + "/participants", t("category.participants"), organisations,
                            this::organisationCaption),
                    form.integer(p + "/deadline/days", t("category.deadlineDays")),
                    form.choice(p + "/deadline/dayType", t("dayType"), DAY_TYPES, enumCaption("dayType"))),
                    remove(listPointer, i, rebuild),
                    add(t("category.addChild"), p + "/children", o -> o.put("id", "").put("name", ""), rebuild));
            card.getStyle().set("margin-left", (depth * 2) + "em");
            tab.add(card);
            category(tab, p + "/children", depth + 1, organisations, rebuild);
        }
    }

    void polls(VerticalLayout tab) {
        tab.add(form.check("/polls/enabled", t("polls.enabled")),
                form.check("/polls/guestsVote", t("polls.guestsVote")),
                form.check("/polls/multipleAnswers", t("polls.multipleAnswers")),
                form.check("/polls/usersMayInitiate", t("polls.usersMayInitiate")),
                form.check("/polls/businessesMayRun", t("polls.businessesMayRun")));
        tab.add(grid(
                form.integer("/polls/duration/minDays", t("polls.minDays")),
                form.integer("/polls/duration/maxDays", t("polls.maxDays")),
                form.integer("/polls/duration/recommendedDays", t("polls.recommendedDays")),
                form.integer("/polls/quorum", t("polls.quorum")),
                form.integer("/polls/moderation/days", t("polls.moderationDays")),
                form.choice("/polls/moderation/dayType", t("dayType"), DAY_TYPES, enumCaption("dayType")),
                form.integer("/polls/resultsDue/days", t("polls.resultsDueDays")),
                form.choice("/polls/resultsDue/dayType", t("dayType"), DAY_TYPES, enumCaption("dayType"))));
    }

    /**
     * The annual topic plan's two days (MM-DD, in the year before the plan's) and the deadlines after an idea
     * campaign. Both parts are optional in the document: a tenant without them keeps none until a field is filled,
     * and then the core asks for the rest of that part at its field.
     */
    void campaigns(VerticalLayout tab) {
        tab.add(new Paragraph(t("campaigns.hint")));
        tab.add(new H3(t("topicPlan")));
        TextField proposalsDue = form.text("/topicPlan/proposalsDue", t("topicPlan.proposalsDue"), true);
        TextField approvalDue = form.text("/topicPlan/approvalDue", t("topicPlan.approvalDue"), true);
        for (TextField day : List.of(proposalsDue, approvalDue)) {
            day.setHelperText(t("monthDay.help"));
            day.setPlaceholder("12-01");
        }
        tab.add(grid(proposalsDue, approvalDue));
        tab.add(new H3(t("campaigns")));
        tab.add(grid(
                form.integer("/campaigns/resultsDue/days", t("campaigns.resultsDueDays")),
                form.choice("/campaigns/resultsDue/dayType", t("dayType"), DAY_TYPES, enumCaption("dayType")),
                form.integer("/campaigns/reportDue/days", t("campaigns.reportDueDays")),
                form.choice("/campaigns/reportDue/dayType", t("dayType"), DAY_TYPES, enumCaption("dayType"))));
    }

    void points(VerticalLayout tab, Runnable rebuild) {
        tab.add(form.check("/points/enabled", t("points.enabled")),
                form.check("/points/annulOnBlock", t("points.annulOnBlock")));
        for (int i = 0; i < size("/points/rules"); i++) {
            String p = "/points/rules/" + i;
            tab.add(card("civic-rules-points", grid(
                    form.choice(p + "/action", t("points.action"), POINT_ACTIONS, enumCaption("pointAction")),
                    form.integer(p + "/points", t("points.points"))), remove("/points/rules", i, rebuild)));
        }
        tab.add(add(t("points.add"), "/points/rules", o -> o.put("points", 1), rebuild));
    }

    void shop(VerticalLayout tab) {
        tab.add(form.check("/shop/enabled", t("shop.enabled")));
        tab.add(grid(
                form.integer("/shop/maxUnitCostRub", t("shop.maxUnitCostRub")),
                form.integer("/shop/municipalCertificatesPerMonth", t("shop.perMonth")),
                form.integer("/shop/municipalCertificatesPerSummerMonth", t("shop.perSummerMonth"))));
        MultiSelectComboBox<Integer> summer = form.months("/shop/summerMonths", t("shop.summerMonths"),
                month -> enumCaption("month").apply(String.valueOf(month)));
        summer.setHelperText(t("shop.summerMonths.help"));
        tab.add(summer);
    }

    /** Optional in the document: a tenant without it is ranked from the platform's default sample until filled. */
    void ratings(VerticalLayout tab) {
        tab.add(new Paragraph(t("ratings.hint")));
        IntegerField minSample = form.soleInteger("/ratings/minSample", t("ratings.minSample"));
        minSample.setHelperText(t("ratings.minSample.help"));
        tab.add(grid(minSample));
    }

    void faq(VerticalLayout tab, Runnable rebuild) {
        for (int i = 0; i < size("/faq"); i++) {
            String p = "/faq/" + i;
            tab.add(card("civic-rules-faq", form.text(p + "/question", t("faq.question"), true),
                    form.area(p + "/answer", t("faq.answer"), true), remove("/faq", i, rebuild)));
        }
        tab.add(add(t("faq.add"), "/faq", o -> o.put("question", "").put("answer", ""), rebuild));
    }

    /** Ready answers for the card's answer field: a title, the categories it serves (none = all) and the text. */
    void answerTemplates(VerticalLayout tab, Runnable rebuild) {
        tab.add(new Paragraph(t("templates.hint")));
        java.util.Map<String, String> categories = new java.util.LinkedHashMap<>();
        collectCategories(form.at("/categories"), categories);
        for (int i = 0; i < size("/answerTemplates"); i++) {
            String p = "/answerTemplates/" + i;
            tab.add(card("civic-rules-template", grid(
                    form.text(p + "/id", t("templates.id"), true),
                    form.text(p + "/title", t("templates.title"), true)),
                    form.multi(p + "/categories", t("templates.categories"), List.copyOf(categories.keySet()),
                            id -> categories.getOrDefault(id, id)),
                    form.area(p + "/text", t("templates.text"), true), remove("/answerTemplates", i, rebuild)));
        }
        tab.add(add(t("templates.add"), "/answerTemplates",
                o -> o.put("id", "template-" + (size("/answerTemplates") + 1)).put("title", "").put("text", ""),
                rebuild));
    }

    /** Every category of the edited document, subcategories included, as "name (id)". */
    private static void collectCategories(JsonNode categories, java.util.Map<String, String> into) {
        categories.forEach(c -> {
            if (c.hasNonNull("id")) {
                String id = c.get("id").asText();
                into.put(id, c.path("name").asText(id) + " (" + id + ")");
            }
            collectCategories(c.path("children"), into);
        });
    }
}
