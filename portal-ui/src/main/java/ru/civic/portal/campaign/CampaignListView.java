package ru.civic.portal.campaign;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import ru.civic.platform.campaign.CampaignSummary;
import ru.civic.platform.campaign.Campaigns;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.portal.shell.PortalLayout;

/** «Обсуждения»: the tenant's idea campaigns, those open or to come first, then the finished ones. */
@Route(value = "campaigns", layout = PortalLayout.class)
@AnonymousAllowed
class CampaignListView extends Div implements HasDynamicTitle {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    CampaignListView(Campaigns campaigns, TenantRegistry tenants) {
        addClassName("civic-campaigns");
        add(new H2(getPageTitle()));
        TenantConfiguration tenant = tenants.currentConfiguration();
        if (!tenant.features().campaigns()) {
            add(new Paragraph(getTranslation("portal.campaigns.none")));
            return;
        }
        List<CampaignSummary> all = campaigns.campaigns();
        section("portal.campaigns.current", all.stream()
                .filter(c -> c.phase() != CampaignSummary.Phase.FINISHED).toList(), tenant.zoneId());
        section("portal.campaigns.finished", all.stream()
                .filter(c -> c.phase() == CampaignSummary.Phase.FINISHED).toList(), tenant.zoneId());
    }

    private void section(String key, List<CampaignSummary> list, ZoneId zone) {
        Section section = new Section(new H3(getTranslation(key)));
        section.addClassName("civic-campaigns-section");
        if (list.isEmpty()) {
            section.add(new Paragraph(getTranslation("portal.campaigns.empty")));
        }
        list.forEach(c -> {
            Div item = new Div(new Anchor("campaign/" + c.id(), c.title()));
            item.addClassName("civic-campaign-item");
            item.add(new Paragraph(getTranslation("portal.campaigns.period",
                    DAY.format(c.startsAt().atZone(zone)), DAY.format(c.endsAt().minusNanos(1).atZone(zone)))));
            Span phase = new Span(getTranslation("portal.campaigns.phase." + c.phase().name()));
            phase.addClassName("civic-campaign-phase");
            item.add(phase, new Span(" · " + getTranslation("portal.campaigns.ideas", c.publishedIdeas())));
            section.add(item);
        });
        add(section);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.nav.campaigns");
    }
}
