/**
 * The annual topic plan and idea campaigns («Обсуждения», Gubkinsky 3.1–3.6, 3.8–3.9, 3.13–3.14). Entry points:
 * {@link ru.civic.platform.campaign.TopicPlans} and {@link ru.civic.platform.campaign.Campaigns}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns",
        allowedDependencies = {"tenancy", "shared", "deadline", "notification", "account", "message", "security",
                "workflow"})
package ru.civic.platform.campaign;
