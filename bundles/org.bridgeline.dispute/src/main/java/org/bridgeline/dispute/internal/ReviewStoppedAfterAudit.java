package org.bridgeline.dispute.internal;

import org.bridgeline.core.AuditListener;
import org.bridgeline.dispute.DisputeService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** After every audit of every detector, disputed charges later bills no longer carry are marked resolved. */
@Component(service = AuditListener.class)
public final class ReviewStoppedAfterAudit implements AuditListener {

    private final DisputeService disputes;

    @Activate
    public ReviewStoppedAfterAudit(@Reference DisputeService disputes) {
        this.disputes = disputes;
    }

    @Override
    public void audited(String tenant, long runId, String carrier, boolean everyDetector) throws Exception {
        if (everyDetector) {
            disputes.reviewStopped(tenant, carrier, "audit run " + runId);
        }
    }
}
