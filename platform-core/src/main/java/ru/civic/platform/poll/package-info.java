/**
 * Polls and rating votes (Tomsk 1.1, 2.5; Volgograd 9; Tynda 2.1; Gubkinsky 3.10–3.13): drafting with the tenant's
 * duration bounds, moderation within the tenant's deadline, one vote per person enforced by the database, guest votes
 * where the tenant allows them, results with the quorum. Entry point: {@link ru.civic.platform.poll.Polls}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Polls",
        allowedDependencies = {"tenancy", "shared", "deadline", "message", "security", "account"})
package ru.civic.platform.poll;
