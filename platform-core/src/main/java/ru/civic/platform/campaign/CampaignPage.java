package ru.civic.platform.campaign;

import java.util.List;

/**
 * A campaign as the portal shows it: its published ideas with their published comments; the winners, the
 * implementation plan and the report once they are published.
 *
 * @param report null until published
 */
public record CampaignPage(CampaignSummary campaign, List<IdeaView> ideas, List<PlanItem> plan, String report) {

    public CampaignPage {
        ideas = List.copyOf(ideas);
        plan = List.copyOf(plan);
    }

    public List<IdeaView> winners() {
        return ideas.stream().filter(IdeaView::winner).toList();
    }
}
