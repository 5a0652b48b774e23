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
        SlaRules sla,
        List<RefusalReason> refusalReasons,
        List<AnswerRatingOption> answerRatings,
        PollRules polls,
        PointsRules points,
        ShopRules shop,
        TopicPlanRules topicPlan,
        Features features) {

    public TenantConfiguration {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        categories = categories == null ? List.of() : List.copyOf(categories);
        refusalReasons = refusalReasons == null ? List.of() : List.copyOf(refusalReasons);
        answerRatings = answerRatings == null ? List.of() : List.copyOf(answerRatings);
        defaultLocale = defaultLocale == null ? "ru" : defaultLocale;
        calendar = calendar == null ? new CalendarRules(List.of(), false) : calendar;
        registration = registration == null ? new Registration(true, new Esia(false, false)) : registration;
        features = features == null ? Features.DEFAULT : features;
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
            String backgroundColor, Logo logo, Footer footer) {
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

    public record Esia(boolean enabled, boolean required) {
    }

    public enum MessageKind { PROBLEM, PROPOSAL, IDEA }

    /** Absent switches take the documented defaults: a place and a category are required, duplicates removed. */
    public record IntakeRules(List<MessageKind> kinds, Boolean placeRequired, Boolean dateTimeRequired,
            Boolean categoryRequired, Boolean publicityConfirmation, Boolean moderatorDecidesPublicity,
            String numberPrefix, Boolean duplicateRemoval) {

        public IntakeRules {
            kinds = kinds == null ? List.of(MessageKind.PROBLEM) : List.copyOf(kinds);
            placeRequired = placeRequired == null || placeRequired;
            dateTimeRequired = dateTimeRequired != null && dateTimeRequired;
            categoryRequired = categoryRequired == null || categoryRequired;
            publicityConfirmation = publicityConfirmation != null && publicityConfirmation;
            moderatorDecidesPublicity = moderatorDecidesPublicity != null && moderatorDecidesPublicity;
            duplicateRemoval = duplicateRemoval == null || duplicateRemoval;
        }
    }

    public enum PhotoFormat { JPEG, PNG, TIFF }

    public record PhotoRules(int maxCount, Set<PhotoFormat> formats, long maxTotalBytes, Long maxPixels) {
    }

    public enum OrganisationKind { AUTHORITY, MUNICIPALITY, ORGANISATION, UNIT }

    public record Organisation(String id, String name, OrganisationKind kind, String parent) {
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

    public record ShopRules(boolean enabled, Integer maxUnitCostRub, Integer municipalCertificatesPerMonth,
            Integer municipalCertificatesPerSummerMonth) {
    }

    public record TopicPlanRules(String proposalsDue, String approvalDue) {
    }

    public record MapCenter(double lat, double lon, int zoom) {
    }

    public record Features(boolean messages, boolean ideas, boolean campaigns, boolean polls, boolean shop,
            boolean map, List<String> mapLayers, String tileUrl, MapCenter mapCenter) {

        static final Features DEFAULT = new Features(true, false, false, false, false, true, List.of(),
                "https://tile.openstreetmap.org/{z}/{x}/{y}.png", null);

        public Features {
            mapLayers = mapLayers == null ? List.of() : List.copyOf(mapLayers);
        }
    }

    /** Hosts this tenant answers on: its production domains plus {@code <id>.<local domain>}. */
    public List<String> allHosts(String localDomain) {
        List<String> all = new ArrayList<>(hosts.size() + 1);
        all.add(id + "." + localDomain);
        hosts.stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).filter(h -> !all.contains(h)).forEach(all::add);
        return all;
    }
}
