package ru.civic.platform.tenancy;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.slf4j.MDC;

/**
 * The tenant the current unit of work belongs to. Set by the request filter (from the host), by
 * {@link TenantAwareTaskDecorator} on other threads, and explicitly by jobs through {@link #callAs}.
 * Always restored in {@code finally}: a thread never carries one tenant's context into another's work.
 *
 * <p>There are three states: a tenant; the platform scope (the platform host, where the platform owner works and
 * no tenant data is visible); and nothing at all, in which case tenant tables return no rows (row-level security).
 */
public final class TenantContext {

    /** Value of the {@code app.tenant_id} setting in the platform scope; never a valid {@link TenantId}. */
    public static final String PLATFORM_SCOPE = "_platform";
    private static final String MDC_KEY = "tenant";

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    /** The current scope, captured so that it can be restored on another thread. */
    public sealed interface Scope permits TenantScope, PlatformScope {
        String settingValue();
    }

    public record TenantScope(TenantId tenantId) implements Scope {
        @Override
        public String settingValue() {
            return tenantId.value();
        }
    }

    public record PlatformScope() implements Scope {
        @Override
        public String settingValue() {
            return PLATFORM_SCOPE;
        }
    }

    public static Optional<TenantId> currentTenant() {
        return CURRENT.get() instanceof TenantScope(TenantId id) ? Optional.of(id) : Optional.empty();
    }

    /** The current tenant; fails when the work runs outside a tenant, which is a programming error. */
    public static TenantId getRequiredTenantId() {
        return currentTenant().orElseThrow(() -> new IllegalStateException("No tenant in the current context"));
    }

    public static boolean isPlatformScope() {
        return CURRENT.get() instanceof PlatformScope;
    }

    public static Optional<Scope> currentScope() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The value the database session sees as {@code app.tenant_id}: empty when there is no context. */
    public static String settingValue() {
        Scope scope = CURRENT.get();
        return scope == null ? "" : scope.settingValue();
    }

    public static <T> T callAs(TenantId tenant, Supplier<T> work) {
        return callIn(new TenantScope(tenant), work);
    }

    public static void runAs(TenantId tenant, Runnable work) {
        callIn(new TenantScope(tenant), () -> {
            work.run();
            return null;
        });
    }

    public static <T> T callInPlatformScope(Supplier<T> work) {
        return callIn(new PlatformScope(), work);
    }

    public static void runInPlatformScope(Runnable work) {
        callInPlatformScope(() -> {
            work.run();
            return null;
        });
    }

    /** Runs work in the given scope (or none) and restores what was there before, whatever happens. */
    public static <T> T callIn(Scope scope, Supplier<T> work) {
        Scope previous = CURRENT.get();
        set(scope);
        try {
            return work.get();
        } finally {
            set(previous);
        }
    }

    public static <T> T callInChecked(Scope scope, Callable<T> work) throws Exception {
        Scope previous = CURRENT.get();
        set(scope);
        try {
            return work.call();
        } finally {
            set(previous);
        }
    }

    private static void set(Scope scope) {
        if (scope == null) {
            CURRENT.remove();
            MDC.remove(MDC_KEY);
        } else {
            CURRENT.set(scope);
            MDC.put(MDC_KEY, scope.settingValue());
        }
    }
}
