package ru.civic.platform.security;

/**
 * Role names for {@code @RolesAllowed} on views and {@code @PreAuthorize} on services, in one place.
 * Values are role names without the {@code ROLE_} prefix, as both annotations expect.
 */
public final class Permissions {

    public static final String CITIZEN = "CITIZEN";
    public static final String MODERATOR = "MODERATOR";
    public static final String COORDINATOR = "COORDINATOR";
    public static final String EXECUTOR = "EXECUTOR";
    public static final String HEAD = "HEAD";
    public static final String CURATOR = "CURATOR";
    public static final String OPERATOR = "OPERATOR";
    public static final String ANALYST = "ANALYST";
    public static final String SHOP_ADMIN = "SHOP_ADMIN";
    public static final String DATA_PROVIDER = "DATA_PROVIDER";
    public static final String PLATFORM_OWNER = "PLATFORM_OWNER";

    /** Every staff role: who may enter a tenant's back office. */
    public static final String[] STAFF = {MODERATOR, COORDINATOR, EXECUTOR, HEAD, CURATOR, OPERATOR, ANALYST,
            SHOP_ADMIN, DATA_PROVIDER};

    /** For {@code @PreAuthorize}: any staff role. */
    public static final String HAS_STAFF_ROLE = "hasAnyRole('MODERATOR','COORDINATOR','EXECUTOR','HEAD','CURATOR',"
            + "'OPERATOR','ANALYST','SHOP_ADMIN','DATA_PROVIDER')";

    public static final String HAS_PLATFORM_OWNER_ROLE = "hasRole('PLATFORM_OWNER')";

    /**
     * For {@code @PreAuthorize}: who blocks a citizen (Gubkinsky 3.9): the moderator, who moderates content, and the
     * operator, who administers the portal.
     */
    public static final String HAS_CITIZEN_BLOCKING_ROLE = "hasAnyRole('MODERATOR','OPERATOR')";

    private Permissions() {
    }
}
