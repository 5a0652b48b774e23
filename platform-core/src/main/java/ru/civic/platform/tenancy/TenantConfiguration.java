package ru.civic.platform.tenancy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import ru.civic.platform.shared.Role;

/**
 * A tenant's rules, as read from {@code config/tenants/<id>.yaml} (format: {@code docs/tenant-configuration.md}).
 * Immutable; a change produces a new instance and a {@link TenantConfigurationChanged} event. Sections that later
 * features own (polls, points, shop) are typed here so that every feature reads one validated document.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TenantConfiguration(
        String id,
        String name,
        String shortName,
        Level level,
        RegionRef region,
        String timeZone,
        String defaultLocale,
        List<String> hosts,
        Regulation regulation,
        Branding branding,
        CalendarRules calendar,
        Set<Role> roles,
        GuestRights guests,
        Registration registration,
        IntakeRules intake,
        PhotoRules photos,
        List<Organisation> organisations,
        List<Category> categories,
        List<District> districts,
        SlaRules sla,
        List<RefusalReason> refusalReasons,
        List<AnswerRatingOption> answerRatings,
        PollRules polls,
        PointsRules points,
        ShopRules shop,
        TopicPlanRules topicPlan,
        CampaignRules campaigns,
        RatingRules ratings,
        Features features,
        Workflow workflow,
        java.util.Map<String, NotificationTemplate> notificationTemplates,
        List<FaqEntry> faq,
        List<AnswerTemplate> answerTemplates) {

    public TenantConfiguration {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        categories = categories == null ? List.of() : List.copyOf(categories);
        districts = districts == null ? List.of() : List.copyOf(districts);
        refusalReasons = refusalReasons == null ? List.of() : List.copyOf(refusalReasons);
        answerRatings = answerRatings == null ? List.of() : List.copyOf(answerRatings);
        defaultLocale = defaultLocale == null ? "ru" : defaultLocale;
        calendar = calendar == null ? new CalendarRules(List.of(), false) : calendar;
        registration = registration == null ? new Registration(true, new Esia(false, false)) : registration;
        features = features == null ? Features.DEFAULT : features;
        ratings = ratings == null ? RatingRules.DEFAULT : ratings;
        notificationTemplates = notificationTemplates == null ? java.util.Map.of()
                : java.util.Map.copyOf(notificationTemplates);
        faq = faq == null ? List.of() : List.copyOf(faq);
        answerTemplates = answerTemplates == null ? List.of() : List.copyOf(answerTemplates);
    }

    /**
     * The answer templates an official may start from for a message of this category: those for the category or any
     * category above it, then those for every category.
     */
    public List<AnswerTemplate> answerTemplatesFor(String categoryId) {
        Set<String> path = categoryId == null ? Set.of()
                : categoryPath(categoryId).stream().map(Category::id).collect(java.util.stream.Collectors.toSet());
        return java.util.stream.Stream.concat(
                answerTemplates.stream().filter(t -> t.categories().stream().anyMatch(path::contains)),
                answerTemplates.stream().filter(t -> t.categories().isEmpty())).toList();
    }

    public Optional<SlaRule> slaRule(String ruleId) {
        return sla == null ? Optional.empty() : sla.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }

    public Optional<RefusalReason> refusalReason(String code) {
        return refusalReasons.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public Optional<AnswerRatingOption> answerRating(String code) {
        return answerRatings.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** The category and its ancestors, nearest first (routing and deadlines are inherited down the tree). */
    public List<Category> categoryPath(String categoryId) {
        List<Category> path = new ArrayList<>();
        for (Category root : categories) {
            if (root.pathTo(categoryId, path)) {
                java.util.Collections.reverse(path);
                return path;
            }
        }
        return List.of();
    }

    /**
     * How a category is named wherever it is chosen or shown: its path from the top of the tree,
     * "Дороги › Ямы и разрушение дорожного покрытия"; the id itself when the tenant no longer has it.
     */
    public String categoryTitle(String categoryId) {
        List<Category> path = new ArrayList<>(categoryPath(categoryId));
        if (path.isEmpty()) {
            return categoryId;
        }
        java.util.Collections.reverse(path);
        return String.join(" › ", path.stream().map(Category::name).toList());
    }

    /** The organisation responsible for a category: its own, or the nearest ancestor's. */
    public Optional<String> responsibleOrganisation(String categoryId) {
        return categoryPath(categoryId).stream().map(Category::organisation).filter(Objects::nonNull).findFirst();
    }

    /** A category's own deadline override, or its nearest ancestor's (Tynda's accelerated categories). */
    public Optional<DeadlineRule> categoryDeadline(String categoryId) {
        return categoryPath(categoryId).stream().map(Category::deadline).filter(Objects::nonNull).findFirst();
    }

    public TenantId tenantId() {
        return TenantId.of(id);
    }

    public ZoneId zoneId() {
        return ZoneId.of(timeZone);
    }

    public Optional<Organisation> organisation(String organisationId) {
        return organisations.stream().filter(o -> o.id().equals(organisationId)).findFirst();
    }

    /** Every category of the tree, depth first. */
    public List<Category> allCategories() {
        List<Category> all = new ArrayList<>();
        categories.forEach(c -> c.collect(all));
        return all;
    }

    public Optional<Category> category(String categoryId) {
        return allCategories().stream().filter(c -> c.id().equals(categoryId)).findFirst();
    }

    public enum Level { REGION, CITY }

    public enum DayType { WORKING, CALENDAR }

    public record RegionRef(String code, String name) {
    }

    public record Regulation(String title, String seed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Branding(String title, String tagline, String primaryColor, String accentColor,
            String backgroundColor, Logo logo, Footer footer, String favicon) {
    }

    public record Logo(String alt, String svg) {
    }

    public record Footer(String organisation, String address, String phone, String email, String hours) {
    }

    public record CalendarRules(List<LocalDate> regionalHolidays, boolean presidentialNonWorkingDaysOff) {
        public CalendarRules {
            regionalHolidays = regionalHolidays == null ? List.of() : List.copyOf(regionalHolidays);
        }
    }

    public record GuestRights(boolean read, boolean support, boolean vote) {
    }

    public record Registration(boolean selfRegistration, Esia esia) {
    }

    /**
     * ESIA (Gosuslugi) as an external OpenID provider. The client secret is never in the document: it is read from
     * the environment variable or property named by {@code clientSecretVariable}.
     */
    public record Esia(boolean enabled, boolean required, String issuerUri, String authorizationUri,
            String tokenUri, String jwkSetUri, String userInfoUri, String clientId, String clientSecretVariable,
            List<String> scopes) {

        public Esia {
            scopes = scopes == null || scopes.isEmpty() ? List.of("openid") : List.copyOf(scopes);
        }

        public Esia(boolean enabled, boolean required) {
            this(enabled, required, null, null, null, null, null, null, null, null);
        }
    }

    public enum MessageKind { PROBLEM, PROPOSAL, IDEA }

    /** Absent switches take the documented defaults: a place and a category are required, duplicates removed. */
    public record IntakeRules(List<MessageKind> kinds, Boolean placeRequired, Boolean dateTimeRequired,
            Boolean categoryRequired, Boolean publicityConfirmation, Boolean moderatorDecidesPublicity,
            String numberPrefix, Boolean duplicateRemoval, Double duplicateSimilarity,
            Integer duplicateDistanceMeters) {

        public IntakeRules {
            kinds = kinds == null ? List.of(MessageKind.PROBLEM) : List.copyOf(kinds);
            placeRequired = placeRequired == null || placeRequired;
            dateTimeRequired = dateTimeRequired != null && dateTimeRequired;
            categoryRequired = categoryRequired == null || categoryRequired;
            publicityConfirmation = publicityConfirmation != null && publicityConfirmation;
            moderatorDecidesPublicity = moderatorDecidesPublicity != null && moderatorDecidesPublicity;
            duplicateRemoval = duplicateRemoval == null || duplicateRemoval;
            duplicateSimilarity = duplicateSimilarity == null ? 0.5 : duplicateSimilarity;
            duplicateDistanceMeters = duplicateDistanceMeters == null ? 300 : duplicateDistanceMeters;
        }
    }

    public enum PhotoFormat { JPEG, PNG, TIFF }

    public record PhotoRules(int maxCount, Set<PhotoFormat> formats, long maxTotalBytes, Long maxPixels) {
    }

    public enum OrganisationKind { AUTHORITY, MUNICIPALITY, ORGANISATION, UNIT }

    /** A responsible body or unit; the contacts and opening hours are reference data for citizens (Zarechny 1.2). */
    public record Organisation(String id, String name, OrganisationKind kind, String parent, String address,
            String phone, String email, String hours, String website) {

        @com.fasterxml.jackson.annotation.JsonCreator
        public Organisation {
        }

        public Organisation(String id, String name, OrganisationKind kind, String parent) {
            this(id, name, kind, parent, null, null, null, null, null);
        }
    }

    /** A typical question and its answer, shown on the portal's FAQ page (Zarechny 1.2, 2.5). */
    /** A ready answer text for officials; {@code categories} empty = for every category. */
    public record AnswerTemplate(String id, String title, List<String> categories, String text) {
        public AnswerTemplate {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    public record FaqEntry(String question, String answer) {
    }

    public Optional<District> district(String districtId) {
        return districts.stream().filter(d -> d.id().equals(districtId)).findFirst();
    }

    /** The district whose polygon contains the point (the first one listed, where they overlap). */
    public Optional<District> districtAt(double latitude, double longitude) {
        return districts.stream().filter(d -> d.contains(latitude, longitude)).findFirst();
    }

    /**
     * A district as a polygon of [latitude, longitude] corners. Districts are small enough that treating degrees as
     * plane coordinates is exact to well within the precision the boundaries are drawn with.
     */
    public record District(String id, String name, List<List<Double>> polygon) {

        public District {
            polygon = polygon == null ? List.of() : polygon.stream().map(List::copyOf).toList();
        }

        /** Ray casting: a point on the boundary may fall either way, which is fine for a feed filter. */
        public boolean contains(double latitude, double longitude) {
            boolean inside = false;
            for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
                double yi = polygon.get(i).get(0), xi = polygon.get(i).get(1);
                double yj = polygon.get(j).get(0), xj = polygon.get(j).get(1);
                if ((yi > latitude) != (yj > latitude)
                        && longitude < (xj - xi) * (latitude - yi) / (yj - yi) + xi) {
                    inside = !inside;
                }
            }
            return inside;
        }
    }

    public record DeadlineRule(int days, DayType dayType) {
    }

    public record Category(String id, String name, String organisation, List<String> participants,
            DeadlineRule deadline, List<Category> children) {

        public Category {
            participants = participants == null ? List.of() : List.copyOf(participants);
            children = children == null ? List.of() : List.copyOf(children);
        }

        void collect(List<Category> into) {
            into.add(this);
            children.forEach(c -> c.collect(into));
        }

        boolean pathTo(String categoryId, List<Category> path) {
            path.add(this);
            if (id.equals(categoryId)) {
                return true;
            }
            for (Category child : children) {
                if (child.pathTo(categoryId, path)) {
                    return true;
                }
            }
            path.removeLast();
            return false;
        }

    }

    public record SlaRules(boolean receivedOnNonWorkingDayCountsFromNextWorkingDay, List<SlaRule> rules) {
        public SlaRules {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    public record SlaRule(String id, String stage, String from, int days, DayType dayType, String clause) {
    }

    public record RefusalReason(String code, String title, String clause, boolean inviteToCorrect) {
    }

    public record AnswerRatingOption(String code, String title, boolean negative) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PollRules(boolean enabled, boolean guestsVote, boolean multipleAnswers, boolean usersMayInitiate,
            boolean businessesMayRun, DeadlineRule moderation, PollDuration duration, Integer quorum,
            DeadlineRule resultsDue) {
    }

    public record PollDuration(int minDays, int maxDays, int recommendedDays) {
    }

    public record PointsRules(boolean enabled, boolean annulOnBlock, List<PointsRule> rules) {
        public PointsRules {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    public record PointsRule(String action, int points) {
    }

    /**
     * The bonus shop (Gubkinsky 4). {@code summerMonths} are the months (1–12) in which the summer minimum of
     * municipal certificates applies; June to August when the document names none.
     */
    public record ShopRules(boolean enabled, Integer maxUnitCostRub, Integer municipalCertificatesPerMonth,
            Integer municipalCertificatesPerSummerMonth, List<Integer> summerMonths) {

        public ShopRules {
            summerMonths = summerMonths == null ? List.of(6, 7, 8) : List.copyOf(summerMonths);
        }

        /** The minimum of municipal certificates for a month (1–12), or null where the tenant sets none. */
        public Integer municipalCertificatesMinimum(int month) {
            return summerMonths.contains(month) && municipalCertificatesPerSummerMonth != null
                    ? municipalCertificatesPerSummerMonth : municipalCertificatesPerMonth;
        }
    }

    public record TopicPlanRules(String proposalsDue, String approvalDue) {
    }

    /**
     * Deadlines of an idea campaign (Gubkinsky 3.13–3.14): results to the initiating unit after the campaign ends;
     * the implementation report after the implementation deadline.
     */
    public record CampaignRules(DeadlineRule resultsDue, DeadlineRule reportDue) {
    }

    public record MapCenter(double lat, double lon, int zoom) {
    }

    public record Features(boolean messages, boolean ideas, boolean campaigns, boolean polls, boolean shop,
            boolean map, List<String> mapLayers, String tileUrl, String tileAttribution, MapCenter mapCenter) {

        static final String OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
        static final Features DEFAULT = new Features(true, false, false, false, false, true, List.of(),
                OSM_TILES, null, null);

        public Features {
            mapLayers = mapLayers == null ? List.of() : List.copyOf(mapLayers);
            tileUrl = tileUrl == null ? OSM_TILES : tileUrl;
            // OpenStreetMap's tile policy requires the attribution; other servers name their own.
            tileAttribution = tileAttribution == null && tileUrl.contains("openstreetmap.org")
                    ? "© <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>" : tileAttribution;
        }
    }

    public record NotificationTemplate(String subject, String body) {
    }

    /**
     * The message workflow (issue 3): a graph of stages; each stage names who acts there and the actions they may
     * take. Checked when loaded (see {@code TenantDocumentReader}): every target exists, every stage is reachable
     * from {@link #start()}, and from every stage a final one can be reached.
     */
    public record Workflow(String start, String deadline, List<Stage> stages) {
        public Workflow {
            stages = stages == null ? List.of() : List.copyOf(stages);
        }

        public Optional<Stage> stage(String stageId) {
            return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
        }

        public Stage requiredStage(String stageId) {
            return stage(stageId).orElseThrow(() -> new IllegalStateException("no stage '" + stageId + "'"));
        }
    }

    /** Who may act at a stage: staff roles by name, or {@link #AUTHOR} for the message's author. */
    public record Stage(String id, String name, StageStatus status, List<String> roles, String deadline,
            boolean isFinal, Designated designated, List<Action> actions) {

        public static final String AUTHOR = "AUTHOR";

        @com.fasterxml.jackson.annotation.JsonCreator
        public Stage(@com.fasterxml.jackson.annotation.JsonProperty("id") String id,
                @com.fasterxml.jackson.annotation.JsonProperty("name") String name,
                @com.fasterxml.jackson.annotation.JsonProperty("status") StageStatus status,
                @com.fasterxml.jackson.annotation.JsonProperty("roles") List<String> roles,
                @com.fasterxml.jackson.annotation.JsonProperty("deadline") String deadline,
                @com.fasterxml.jackson.annotation.JsonProperty("final") boolean isFinal,
                @com.fasterxml.jackson.annotation.JsonProperty("designated") Designated designated,
                @com.fasterxml.jackson.annotation.JsonProperty("actions") List<Action> actions) {
            this.id = id;
            this.name = name;
            this.status = status;
            this.roles = roles == null ? List.of() : List.copyOf(roles);
            this.deadline = deadline;
            this.isFinal = isFinal;
            this.designated = designated;
            this.actions = actions == null ? List.of() : List.copyOf(actions);
        }

        public Optional<Action> action(String actionId) {
            return actions.stream().filter(a -> a.id().equals(actionId)).findFirst();
        }

        public boolean actedByAuthor() {
            return roles.contains(AUTHOR);
        }
    }

    /** Who, named on the message, must act at a stage (Tynda 3.5–3.7). */
    public enum Designated { ASSIGNEE, HEAD, AGREEING }

    /** The public status of a message, derived from its stage. */
    public enum StageStatus {
        MODERATION, PUBLISHED, REGISTERED, IN_PROGRESS, ANSWER_REVIEW, ANSWERED, REWORK, CLOSED, REFUSED;

        /** Open311 knows only open and closed. */
        public boolean isClosed() {
            return this == ANSWERED || this == CLOSED || this == REFUSED;
        }
    }

    public enum ActionType {
        PUBLISH, REFUSE, REGISTER, ACCEPT, SET_CATEGORY, ROUTE, REDIRECT, ASSIGN_EXECUTOR, TAKE_INTO_WORK,
        SEND_TO_AGREEMENT, SEND_TO_APPROVAL, AGREE, APPROVE, REJECT, ANSWER, PUBLISH_ANSWER, SEND_ANSWER, POSTPONE,
        RETURN, SEND_TO_REWORK, RATE, RESUBMIT, BLOCK_AUTHOR, CLOSE, MERGE_DUPLICATE
    }

    public enum ActionField {
        REASON, COMMENT, CATEGORY, ORGANISATION, EXECUTOR, EXECUTOR_POSITION, RESULT, POSTPONE_UNTIL, ANSWER, HEAD,
        AGREEING, PUBLICITY, RATING, REMARKS, ATTACHMENTS, TEXT, DUPLICATE_OF
    }

    public enum RouteCondition { REDIRECTED, AGREEING_SET, NEGATIVE_RATING, INVITED_TO_CORRECT, RESULT_POSTPONED }

    public enum NotifyTarget { AUTHOR, NEXT_ROLES, ASSIGNEE }

    public record Route(RouteCondition when, String to) {
    }

    public record Action(String id, ActionType type, String name, String to, List<Route> routes,
            RouteCondition availableWhen, Set<ActionField> requires, Set<ActionField> optional,
            @com.fasterxml.jackson.annotation.JsonProperty("notify") Set<NotifyTarget> notifies, Boolean publish, String startDeadline, Boolean stopDeadline) {

        public Action {
            routes = routes == null ? List.of() : List.copyOf(routes);
            requires = requires == null ? Set.of() : Set.copyOf(requires);
            optional = optional == null ? Set.of() : Set.copyOf(optional);
            notifies = notifies == null ? Set.of() : Set.copyOf(notifies);
            publish = publish != null && publish;
            stopDeadline = stopDeadline != null && stopDeadline;
        }

        /** Every stage this action can lead to. */
        public List<String> targets() {
            List<String> all = new ArrayList<>();
            all.add(to);
            routes.forEach(r -> all.add(r.to()));
            return all;
        }

        public boolean accepts(ActionField field) {
            return requires.contains(field) || optional.contains(field);
        }
    }

    /** Hosts this tenant answers on: its production domains plus {@code <id>.<local domain>}. */
    public List<String> allHosts(String localDomain) {
        List<String> all = new ArrayList<>(hosts.size() + 1);
        all.add(id + "." + localDomain);
        hosts.stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).filter(h -> !all.contains(h)).forEach(all::add);
        return all;
    }

    /**
     * Ratings of users, executors and organisations (Tomsk 1.1).
     *
     * @param minSample how many answered (or rated) messages an executor or organisation needs before it is ranked;
     *                  fewer are listed as "not enough data"
     */
    public record RatingRules(int minSample) {
        public static final RatingRules DEFAULT = new RatingRules(10);

        public RatingRules {
            if (minSample < 1) {
                throw new IllegalArgumentException("ratings.minSample must be at least 1");
            }
        }
    }
}
