package ru.civic.platform.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import ru.civic.platform.shared.Role;

/**
 * A person's account within one tenant: a citizen, or an official with staff roles. The tenant is set by Hibernate
 * from the current context ({@link TenantId}) and checked again by PostgreSQL's row-level security.
 */
@Entity
@Table(name = "account")
public class Account {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(nullable = false)
    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String email;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "roles", nullable = false, columnDefinition = "varchar(32)[]")
    private String[] roles = new String[0];

    private String organisation;

    /** The district the resident says they live in (one of the tenant's), or null. */
    @Column(name = "district_id")
    private String districtId;

    /** Categories this official handles (and their subcategories); empty = all. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "categories", nullable = false, columnDefinition = "varchar(100)[]")
    private String[] categories = new String[0];

    private boolean enabled = true;

    @Column(name = "blocked_at")
    private Instant blockedAt;

    @Column(name = "blocked_reason")
    private String blockedReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Version
    private long version;

    protected Account() {
    }

    public Account(String username, String passwordHash, String displayName, String email, Set<Role> roles,
            String organisation) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.email = email;
        this.roles = roles.stream().map(Role::name).sorted().toArray(String[]::new);
        this.organisation = organisation;
    }

    public UUID getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public Set<Role> getRoles() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        for (String role : roles) {
            set.add(Role.valueOf(role));
        }
        return set;
    }

    public String getOrganisation() {
        return organisation;
    }

    /** The categories this official handles (with their subcategories); empty means every category. */
    public Set<String> getCategories() {
        return new java.util.TreeSet<>(java.util.Arrays.asList(categories));
    }

    public boolean isBlocked() {
        return blockedAt != null;
    }

    public Instant getBlockedAt() {
        return blockedAt;
    }

    public String getBlockedReason() {
        return blockedReason;
    }

    /** The password the person chose through their invitation (the hash); until then the account cannot sign in. */
    void choosePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    /** Gubkinsky 3.9: a blocked author may sign in and read, but sends nothing more; the reason is kept. */
    void changeProfile(String displayName, String email) {
        this.displayName = displayName;
        this.email = email;
    }

    void settleIn(String districtId) {
        this.districtId = districtId;
    }

    public String getDistrictId() {
        return districtId;
    }

    public void block(String reason, Instant at) {
        this.blockedAt = at;
        this.blockedReason = reason;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isStaff() {
        return getRoles().stream().anyMatch(Role::isStaff);
    }

    public void disable() {
        this.enabled = false;
    }

    void enable() {
        this.enabled = true;
    }

    /** Lifting a block forgets its reason; bonuses annulled by it stay annulled (Gubkinsky 3.9 restores nothing). */
    void unblock() {
        this.blockedAt = null;
        this.blockedReason = null;
    }

    /** What an operator sets for an official: roles, the organisation they act for, the categories they handle. */
    void assign(Set<Role> roles, String organisation, Set<String> categories) {
        this.roles = roles.stream().map(Role::name).sorted().toArray(String[]::new);
        this.organisation = organisation;
        this.categories = categories.stream().sorted().toArray(String[]::new);
    }
}
