package org.bridgeline.intake.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bridgeline.store.IntakeJob;
import org.bridgeline.store.IntakeStore;

/** The intake queue of one process, as the store's contract describes it (the stores are tested against that contract). */
final class QueueInMemory implements IntakeStore {

    private final Map<String, IntakeJob> jobs = new TreeMap<>();
    /** Whether other runtimes share the queue (a server database); the calls made since {@link #restartEmbedded()}. */
    private boolean shared = true;
    private int uses;

    /** From now on, the queue of an embedded database, one runtime's alone, the runtime just restarted: uses count from 0. */
    synchronized void restartEmbedded() {
        shared = false;
        uses = 0;
    }

    synchronized int uses() {
        return uses;
    }

    @Override
    public synchronized boolean shared() {
        return shared;
    }

    private static String key(String tenant, String id) {
        return tenant + "/" + id;
    }

    @Override
    public synchronized boolean register(IntakeJob job) {
        uses++;
        return jobs.putIfAbsent(key(job.tenant(), job.id()), job) == null;
    }

    @Override
    public synchronized Optional<IntakeJob> claim(String holder, Instant now, Instant leaseUntil) {
        uses++;
        Optional<IntakeJob> next = jobs.values().stream()
                .filter(job -> job.state().equals(IntakeJob.RECEIVED) || held(job) && job.leaseUntil().isBefore(now))
                .min(Comparator.comparing(IntakeJob::receivedAt).thenComparing(IntakeJob::id));
        return next.map(job -> put(new IntakeJob(job.tenant(), job.id(), job.file(), held(job) ? job.state() : IntakeJob.PROCESSING,
                job.receivedAt(), now, job.finishedAt(), holder, leaseUntil, job.attempts() + 1, null, job.reason(), job.reportJson())));
    }

    private static boolean held(IntakeJob job) {
        return job.state().equals(IntakeJob.PROCESSING) || job.state().equals(IntakeJob.IMPORTED);
    }

    @Override
    public synchronized int renew(String holder, Instant leaseUntil) {
        uses++;
        List<IntakeJob> held = jobs.values().stream().filter(job -> holder.equals(job.holder()) && held(job)).toList();
        held.forEach(job -> put(new IntakeJob(job.tenant(), job.id(), job.file(), job.state(), job.receivedAt(), job.startedAt(),
                job.finishedAt(), holder, leaseUntil, job.attempts(), null, job.reason(), job.reportJson())));
        return held.size();
    }

    @Override
    public synchronized boolean finish(String tenant, String id, String holder, String state, Instant at, String reason, String reportJson) {
        uses++;
        IntakeJob job = jobs.get(key(tenant, id));
        if (job == null || !holder.equals(job.holder()) || !job.state().equals(IntakeJob.PROCESSING)) {
            return false;
        }
        put(new IntakeJob(tenant, id, job.file(), state, job.receivedAt(), job.startedAt(), at, holder,
                state.equals(IntakeJob.IMPORTED) ? job.leaseUntil() : null, job.attempts(), null, reason, reportJson));
        return true;
    }

    @Override
    public synchronized void audited(String tenant, List<String> ids, long auditRunId) {
        uses++;
        for (String id : ids) {
            IntakeJob job = jobs.get(key(tenant, id));
            if (job.state().equals(IntakeJob.IMPORTED)) {
                put(new IntakeJob(tenant, id, job.file(), IntakeJob.DONE, job.receivedAt(), job.startedAt(), job.finishedAt(), job.holder(),
                        null, job.attempts(), auditRunId, job.reason(), job.reportJson()));
            }
        }
    }

    @Override
    public synchronized List<IntakeJob> recent(String tenant, int limit) {
        uses++;
        return jobs.values().stream().filter(job -> job.tenant().equals(tenant)).sorted(Comparator.comparing(IntakeJob::id).reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized Optional<IntakeJob> job(String tenant, String id) {
        uses++;
        return Optional.ofNullable(jobs.get(key(tenant, id)));
    }

    private IntakeJob put(IntakeJob job) {
        jobs.put(key(job.tenant(), job.id()), job);
        return job;
    }
}
