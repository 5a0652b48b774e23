/**
 * Internal ratings (Tomsk 1.1): residents by the points they earned in a period; executors and organisations by
 * deadline compliance and by residents' ratings of their answers, ranked only from the tenant's minimum sample.
 * Entry point: {@link ru.civic.platform.rating.Ratings}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ratings",
        allowedDependencies = {"tenancy", "shared", "account", "security", "points"})
package ru.civic.platform.rating;
