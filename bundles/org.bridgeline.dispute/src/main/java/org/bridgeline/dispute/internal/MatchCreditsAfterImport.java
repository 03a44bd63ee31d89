package org.bridgeline.dispute.internal;

import org.bridgeline.core.ImportListener;
import org.bridgeline.core.ImportReport;
import org.bridgeline.dispute.DisputeService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** After every import that stored invoices, the tenant's credits are set against its open disputes. */
@Component(service = ImportListener.class)
public final class MatchCreditsAfterImport implements ImportListener {

    static final String ACTOR = "credit matcher";

    private final DisputeService disputes;

    @Activate
    public MatchCreditsAfterImport(@Reference DisputeService disputes) {
        this.disputes = disputes;
    }

    @Override
    public void imported(String tenant, ImportReport report) throws Exception {
        disputes.matchCredits(tenant, ACTOR);
    }
}
