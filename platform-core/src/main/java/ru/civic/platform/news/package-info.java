/**
 * News of a tenant's portal and announced maintenance (Tomsk 2.3), the tenant's own and the platform owner's for
 * every tenant. Entry point: {@link ru.civic.platform.news.News}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "News", allowedDependencies = {"tenancy", "shared"})
package ru.civic.platform.news;
