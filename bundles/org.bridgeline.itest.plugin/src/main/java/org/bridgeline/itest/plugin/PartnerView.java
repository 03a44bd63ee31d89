package org.bridgeline.itest.plugin;

import org.bridgeline.dashboard.DashboardView;
import org.bridgeline.dashboard.ViewRequest;
import org.osgi.service.component.annotations.Component;

/** A partner's dashboard view: dropped into deploy/ with this bundle, it shows in the navigation of a running dashboard. */
@Component(service = DashboardView.class)
public final class PartnerView implements DashboardView {

    @Override
    public String id() {
        return "partner-notes";
    }

    @Override
    public String title() {
        return "Partner notes";
    }

    @Override
    public int order() {
        return 800;
    }

    @Override
    public String render(ViewRequest request) {
        // a tenant name is lower-case letters, digits and hyphens: nothing in it to escape
        return "<p id=\"partner-view\">A view contributed by a hot-deployed bundle, for " + request.tenant() + ".</p>";
    }
}
