package org.bridgeline.intake.internal;

import org.bridgeline.intake.IntakeItem;
import org.bridgeline.intake.IntakeState;
import org.bridgeline.store.IntakeJob;

/** A bill as the queue keeps it, told as the intake's API tells it. */
final class IntakeItems {

    private IntakeItems() {
    }

    static IntakeItem item(IntakeJob job) {
        return new IntakeItem(job.id(), job.tenant(), job.file(), IntakeState.valueOf(job.state()), job.receivedAt(), job.startedAt(),
                job.finishedAt(), job.attempts(), job.holder(), job.auditRunId(), job.reason(), job.reportJson());
    }
}
