package ru.civic.platform.campaign;

/**
 * A topic a unit proposes for next year's plan (Gubkinsky 3.2–3.3).
 *
 * @param proposingUnit an organisation id of the tenant's reference data
 */
public record TopicProposal(TopicKind kind, String title, String description, String proposingUnit) {
}
