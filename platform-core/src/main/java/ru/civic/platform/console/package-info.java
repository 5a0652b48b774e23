/**
 * The platform owner's console: every tenant at a glance (messages, open and overdue work, deadline compliance,
 * active users, last activity), one tenant in detail, a new tenant from a template with its first operator, suspension. Entry point:
 * {@link ru.civic.platform.console.PlatformConsole}. Figures are counted per tenant under that tenant's context, so
 * row-level security applies to the console as to everyone else.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform console",
        allowedDependencies = {"tenancy", "shared", "account"})
package ru.civic.platform.console;
