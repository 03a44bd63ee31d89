package org.bridgeline.dispute.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.dispute.CreditMatchReport;
import org.bridgeline.dispute.DisputeLetter;
import org.bridgeline.dispute.DisputeService;
import org.bridgeline.store.AuditRunRecord;
import org.bridgeline.store.AuditStore;
import org.bridgeline.store.BookStore;
import org.bridgeline.store.DisputeCredit;
import org.bridgeline.store.DisputeEvent;
import org.bridgeline.store.DisputeRecord;
import org.bridgeline.store.DisputeState;
import org.bridgeline.store.DisputeStore;
import org.bridgeline.store.DisputedFinding;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredFinding;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The dispute lifecycle over the store's dispute role, the audit's findings and the tenant's lines. */
@Component(service = DisputeService.class, configurationPid = "org.bridgeline.dispute")
public final class DisputeServiceImpl implements DisputeService {

    /** Configuration {@code org.bridgeline.dispute}. */
    public @interface Config {
        /** A credit counts for a dispute on bills dated up to this many months after its submission. */
        int creditMonths() default 6;

        /** Amounts this close are the same (rounding on the carrier's side). */
        String tolerance() default "0.01";

        /** Charge codes that make a negative line a credit whatever its category (comma-separated). */
        String creditCodes() default "CR,CRDT,CREDIT,ADJ";
    }

    private static final Logger LOG = Logger.getLogger("org.bridgeline.dispute");

    private final DisputeStore disputes;
    private final AuditStore audits;
    private final BookStore books;
    private final Clock clock;
    private final int creditMonths;
    private final BigDecimal tolerance;
    private final Set<String> creditCodes;
    /** Where each tenant's folder is: its letters go to {@code TENANT/disputes}. */
    private final java.nio.file.Path tenants;

    @Activate
    public DisputeServiceImpl(@Reference DisputeStore disputes, @Reference AuditStore audits, @Reference BookStore books, Config config,
            org.osgi.framework.BundleContext context) {
        this(disputes, audits, books, Clock.systemUTC(), config.creditMonths(), new BigDecimal(config.tolerance().strip()),
                Set.copyOf(Arrays.stream(config.creditCodes().split(",")).map(String::strip).filter(code -> !code.isEmpty()).toList()),
                java.nio.file.Path.of(Optional.ofNullable(context.getProperty("bridgeline.data")).orElse("data"), "tenants"));
    }

    DisputeServiceImpl(DisputeStore disputes, AuditStore audits, BookStore books, Clock clock, int creditMonths, BigDecimal tolerance,
            Set<String> creditCodes, java.nio.file.Path tenants) {
        if (creditMonths < 1 || tolerance.signum() < 0) {
            throw new IllegalArgumentException("org.bridgeline.dispute: creditMonths must be 1 or more and tolerance 0 or more, found "
                    + creditMonths + " and " + tolerance);
        }
        this.disputes = disputes;
        this.audits = audits;
        this.books = books;
        this.clock = clock;
        this.creditMonths = creditMonths;
        this.tolerance = tolerance;
        this.creditCodes = creditCodes;
        this.tenants = tenants;
    }

    @Override
    public DisputeRecord open(String tenant, List<Long> findingIds, String note, String actor, LocalDate submittedOn) throws StoreException {
        if (findingIds.isEmpty()) {
            throw new IllegalArgumentException("name at least one finding (bl:findings lists them)");
        }
        List<Finding> findings = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (long id : new TreeSet<>(findingIds)) {
            StoredFinding stored = audits.finding(tenant, id).orElseThrow(() -> new IllegalArgumentException("no finding " + id
                    + " (bl:findings lists them)"));
            findings.add(stored.finding());
            ids.add(id);
        }
        return open(tenant, ids, findings, note, actor, submittedOn);
    }

    private DisputeRecord open(String tenant, List<Long> ids, List<Finding> findings, String note, String actor, LocalDate submittedOn)
            throws StoreException {
        List<DisputedFinding> disputed = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            if (finding.recoverable() == null || finding.recoverable().amount().signum() <= 0) {
                throw new IllegalArgumentException("finding " + ids.get(i) + " (" + finding.kind() + ") claims no credit: its action is "
                        + finding.action() + ", nothing to dispute");
            }
            if (finding.evidence().isEmpty()) {
                throw new IllegalArgumentException("finding " + ids.get(i) + " cites no charge line: its account is unknown");
            }
            disputed.add(new DisputedFinding(ids.get(i), finding.kind(), finding.serviceId(), AnomalyKeys.chargeCode(finding),
                    AnomalyKeys.of(finding), finding.recoverable(), finding.monthlyImpact(), finding.explanation(), null));
        }
        Finding first = findings.get(0);
        for (int i = 1; i < findings.size(); i++) {
            Finding other = findings.get(i);
            if (!other.carrier().equals(first.carrier()) || !AnomalyKeys.account(other).equals(AnomalyKeys.account(first))) {
                throw new IllegalArgumentException("findings " + ids.get(0) + " and " + ids.get(i) + " are of different carrier accounts ("
                        + first.carrier() + " " + AnomalyKeys.account(first) + ", " + other.carrier() + " " + AnomalyKeys.account(other)
                        + "): a dispute is with one carrier account; open one for each");
            }
            if (!other.recoverable().currency().equals(first.recoverable().currency())) {
                throw new IllegalArgumentException("findings " + ids.get(0) + " and " + ids.get(i) + " claim credits in different currencies");
            }
        }
        Instant now = now();
        DisputeRecord opened = disputes.open(tenant, first.carrier(), AnomalyKeys.account(first), disputed,
                new DisputeEvent(now, actor, null, DisputeState.DRAFT, note == null ? "opened" : note));
        if (submittedOn == null) {
            return opened;
        }
        return disputes.change(tenant, opened.disputeId(), DisputeState.DRAFT, new DisputeEvent(at(submittedOn), actor, DisputeState.DRAFT,
                DisputeState.SUBMITTED, "submitted to " + first.carrier()), List.of(), List.of());
    }

    @Override
    public List<DisputeRecord> openAll(String tenant, String carrier, BigDecimal minCredit, boolean each, String note, String actor,
            LocalDate submittedOn) throws StoreException {
        Optional<AuditRunRecord> run = audits.latestAuditRun(tenant);
        if (run.isEmpty()) {
            throw new IllegalArgumentException("no audit has run for " + tenant + ": run bl:audit first");
        }
        Set<String> held = new HashSet<>();
        for (DisputeRecord dispute : disputes.disputes(tenant)) {
            if (dispute.state().open()) {
                dispute.findings().forEach(finding -> held.add(finding.anomalyKey()));
            }
        }
        Map<String, List<StoredFinding>> groups = new LinkedHashMap<>();
        for (StoredFinding stored : audits.findings(tenant, run.get().runId())) {
            Finding finding = stored.finding();
            if (!finding.carrier().equals(carrier) || finding.recoverable() == null || finding.recoverable().amount().signum() <= 0
                    || finding.recoverable().amount().compareTo(minCredit) < 0 || finding.evidence().isEmpty()
                    || held.contains(AnomalyKeys.of(finding))) {
                continue;
            }
            String group = AnomalyKeys.account(finding) + '\u0000' + finding.recoverable().currency()
                    + (each ? "\u0000" + stored.findingId() : "");
            groups.computeIfAbsent(group, key -> new ArrayList<>()).add(stored);
        }
        List<DisputeRecord> opened = new ArrayList<>();
        for (List<StoredFinding> group : groups.values()) {
            opened.add(open(tenant, group.stream().map(StoredFinding::findingId).toList(), group.stream().map(StoredFinding::finding).toList(),
                    note, actor, submittedOn));
        }
        return opened;
    }

    @Override
    public List<DisputeRecord> disputes(String tenant, DisputeState state, String carrier) throws StoreException {
        return disputes.disputes(tenant).stream().filter(d -> state == null || d.state() == state)
                .filter(d -> carrier == null || d.carrier().equals(carrier)).toList();
    }

    @Override
    public Optional<DisputeRecord> dispute(String tenant, long disputeId) throws StoreException {
        return disputes.dispute(tenant, disputeId);
    }

    @Override
    public DisputeRecord set(String tenant, long disputeId, DisputeState state, String note, String actor, LocalDate on) throws StoreException {
        DisputeRecord dispute = existing(tenant, disputeId);
        if (!dispute.state().canBecome(state)) {
            throw new IllegalArgumentException("dispute " + disputeId + " is " + dispute.state() + ": it may become "
                    + (dispute.state().next().isEmpty() ? "nothing else" : dispute.state().next()) + ", not " + state);
        }
        return disputes.change(tenant, disputeId, dispute.state(), new DisputeEvent(on == null ? now() : at(on), actor, dispute.state(), state,
                note), List.of(), List.of());
    }

    @Override
    public DisputeRecord decide(String tenant, long disputeId, int creditSeq, boolean confirm, String note, String actor) throws StoreException {
        DisputeRecord dispute = existing(tenant, disputeId);
        DisputeCredit credit = dispute.credits().stream().filter(c -> c.seq() == creditSeq).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("dispute " + disputeId + " has no credit " + creditSeq));
        if (credit.status() != DisputeCredit.Status.PROPOSED) {
            throw new IllegalArgumentException("credit " + creditSeq + " of dispute " + disputeId + " is " + credit.status()
                    + " already: only a proposed credit is confirmed or rejected");
        }
        String why = (confirm ? "confirmed by " : "rejected by ") + actor + (note == null ? "" : ": " + note);
        if (!confirm) {
            return disputes.change(tenant, disputeId, dispute.state(), new DisputeEvent(now(), actor, dispute.state(), dispute.state(),
                    "credit " + creditSeq + " " + why), List.of(), List.of(credit.decided(DisputeCredit.Status.REJECTED, why)));
        }
        Money credited = dispute.credited().plus(credit.applied());
        DisputeState to = settled(dispute.claimed(), credited);
        if (to != dispute.state() && !dispute.state().canBecome(to)) {
            throw new IllegalArgumentException("dispute " + disputeId + " is " + dispute.state() + ": a credit cannot be applied to it");
        }
        DisputeRecord changed = disputes.change(tenant, disputeId, dispute.state(), new DisputeEvent(now(), actor, dispute.state(), to,
                "credit " + creditSeq + " " + why), List.of(), List.of(credit.decided(DisputeCredit.Status.APPLIED, credit.reason() + "; " + why)));
        // the same line proposed to other disputes goes to this one only
        for (DisputeRecord other : disputes.disputes(tenant)) {
            if (other.disputeId() == disputeId) {
                continue;
            }
            List<DisputeCredit> rejected = other.credits().stream().filter(c -> c.status() == DisputeCredit.Status.PROPOSED
                    && c.lineKey().equals(credit.lineKey())).map(c -> c.decided(DisputeCredit.Status.REJECTED,
                            "confirmed for dispute " + disputeId + " instead")).toList();
            if (!rejected.isEmpty()) {
                disputes.change(tenant, other.disputeId(), other.state(), new DisputeEvent(now(), actor, other.state(), other.state(),
                        "a proposed credit went to dispute " + disputeId), List.of(), rejected);
            }
        }
        return changed;
    }

    @Override
    public DisputeLetter letter(String tenant, long disputeId) throws StoreException {
        DisputeRecord dispute = existing(tenant, disputeId);
        Map<Long, Finding> findings = new LinkedHashMap<>();
        for (DisputedFinding disputed : dispute.findings()) {
            audits.finding(tenant, disputed.findingId()).ifPresent(stored -> findings.put(disputed.findingId(), stored.finding()));
        }
        return DisputeLetters.write(dispute, findings, LocalDate.now(clock));
    }

    @Override
    public List<java.nio.file.Path> writeLetter(String tenant, long disputeId, java.nio.file.Path folder) throws StoreException,
            java.io.IOException {
        DisputeLetter letter = letter(tenant, disputeId);
        java.nio.file.Path into = java.nio.file.Files.createDirectories(folder != null ? folder : tenants.resolve(tenant).resolve("disputes"));
        return List.of(replace(into.resolve(letter.name() + ".html"), letter.html()), replace(into.resolve(letter.name() + ".csv"), letter.csv()));
    }

    /** Writes a file whole beside its place and moves it there, so a reader never sees half a letter. */
    private static java.nio.file.Path replace(java.nio.file.Path file, String text) throws java.io.IOException {
        java.nio.file.Path part = java.nio.file.Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
        try {
            java.nio.file.Files.writeString(part, text, java.nio.charset.StandardCharsets.UTF_8);
            java.nio.file.Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            java.nio.file.Files.deleteIfExists(part);
        }
        return file;
    }

    @Override
    public CreditMatchReport matchCredits(String tenant, String actor) throws StoreException {
        List<DisputeRecord> all = disputes.disputes(tenant);
        Set<String> held = new HashSet<>();
        all.forEach(d -> d.credits().forEach(c -> held.add(c.lineKey())));
        Map<String, List<DisputeRecord>> byAccount = new LinkedHashMap<>();
        for (DisputeRecord dispute : all) {
            if (dispute.state().awaitingCredit() && dispute.submittedAt() != null) {
                byAccount.computeIfAbsent(dispute.carrier() + '\u0000' + dispute.account(), key -> new ArrayList<>()).add(dispute);
            }
        }
        CreditMatcher matcher = new CreditMatcher(tolerance, creditMonths);
        int read = 0;
        int applied = 0;
        int proposed = 0;
        List<Long> changed = new ArrayList<>();
        for (List<DisputeRecord> account : byAccount.values()) {
            DisputeRecord first = account.get(0);
            LocalDate from = account.stream().map(d -> day(d.submittedAt())).min(LocalDate::compareTo).orElseThrow();
            LocalDate to = account.stream().map(d -> day(d.submittedAt())).max(LocalDate::compareTo).orElseThrow().plusMonths(creditMonths);
            List<CreditMatcher.Credit> credits = new ArrayList<>();
            books.ledger(tenant).lines(new LineQuery(first.carrier(), first.account(), null, Period.of(from, to)), line -> {
                if (isCredit(line) && !line.invoiceDate().isBefore(from) && !line.invoiceDate().isAfter(to)) {
                    String key = key(line);
                    if (!held.contains(key)) {
                        credits.add(new CreditMatcher.Credit(key, line));
                    }
                }
            });
            read += credits.size();
            List<CreditMatcher.Open> open = account.stream().map(d -> new CreditMatcher.Open(d.disputeId(), d.outstanding().amount(),
                    day(d.submittedAt()), serviceIds(d), chargeCodes(d))).toList();
            Map<Long, List<CreditMatcher.Decision>> decided = new LinkedHashMap<>();
            for (CreditMatcher.Decision decision : matcher.match(open, credits)) {
                decided.computeIfAbsent(decision.disputeId(), id -> new ArrayList<>()).add(decision);
            }
            for (DisputeRecord dispute : account) {
                List<CreditMatcher.Decision> mine = decided.getOrDefault(dispute.disputeId(), List.of());
                if (mine.isEmpty()) {
                    continue;
                }
                List<DisputeCredit> added = new ArrayList<>();
                Money credited = dispute.credited();
                int appliedHere = 0;
                for (CreditMatcher.Decision decision : mine) {
                    ChargeLine line = decision.credit().line();
                    Money part = new Money(decision.applied(), dispute.claimed().currency());
                    added.add(new DisputeCredit(0, decision.credit().key(), line.invoiceNumber(), line.invoiceDate(), line.serviceId(),
                            line.chargeCode(), line.description(), line.amount(), part, line.source().file(), line.source().record(),
                            decision.proposed() ? DisputeCredit.Status.PROPOSED : DisputeCredit.Status.APPLIED, decision.reason()));
                    if (!decision.proposed()) {
                        credited = credited.plus(part);
                        appliedHere++;
                    }
                }
                DisputeState after = appliedHere == 0 ? dispute.state() : settled(dispute.claimed(), credited);
                int proposedHere = mine.size() - appliedHere;
                disputes.change(tenant, dispute.disputeId(), dispute.state(), new DisputeEvent(now(), actor, dispute.state(), after,
                        "credits on later bills: " + appliedHere + " applied, " + proposedHere + " proposed"
                                + (proposedHere > 0 ? " (bl:dispute " + dispute.disputeId() + " shows them)" : "")), added, List.of());
                applied += appliedHere;
                proposed += proposedHere;
                changed.add(dispute.disputeId());
            }
        }
        if (!changed.isEmpty()) {
            LOG.info("credit matching for " + tenant + ": " + read + " credit lines read, " + applied + " applied, " + proposed
                    + " proposed, disputes " + changed);
        }
        return new CreditMatchReport(read, applied, proposed, changed);
    }

    @Override
    public int reviewStopped(String tenant, String carrier, String actor) throws StoreException {
        Optional<AuditRunRecord> run = audits.latestAuditRun(tenant);
        if (run.isEmpty()) {
            return 0;
        }
        // credited or denied, a dispute's charges may still stop (or go on): every submitted one is reviewed
        List<DisputeRecord> waiting = disputes.disputes(tenant).stream().filter(d -> d.submittedAt() != null)
                .filter(d -> carrier == null || d.carrier().equals(carrier))
                .filter(d -> d.findings().stream().anyMatch(f -> f.resolvedOn() == null && f.serviceId() != null)).toList();
        if (waiting.isEmpty()) {
            return 0;
        }
        // the latest bill each anomaly is still found on, by kind, carrier and service
        Map<String, LocalDate> lastSeen = new LinkedHashMap<>();
        for (StoredFinding stored : audits.findings(tenant, run.get().runId())) {
            Finding finding = stored.finding();
            if (finding.serviceId() == null) {
                continue;
            }
            for (ChargeLine line : finding.evidence()) {
                lastSeen.merge(finding.kind() + '\u0000' + finding.carrier() + '\u0000' + finding.serviceId(), line.invoiceDate(),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        int resolvedCount = 0;
        Map<String, List<LocalDate>> billedOn = new LinkedHashMap<>();
        for (DisputeRecord dispute : waiting) {
            LocalDate submitted = dispute.submittedOn();
            List<LocalDate> dates = billedOn.get(dispute.carrier() + '\u0000' + dispute.account());
            if (dates == null) {
                dates = books.ledger(tenant).invoices(new LineQuery(dispute.carrier(), dispute.account(), null, null)).stream()
                        .map(invoice -> invoice.header().date()).toList();
                billedOn.put(dispute.carrier() + '\u0000' + dispute.account(), dates);
            }
            Optional<LocalDate> firstLater = dates.stream().filter(date -> date.isAfter(submitted)).min(LocalDate::compareTo);
            if (firstLater.isEmpty()) {
                continue; // no bill since: nothing tells whether the charge stopped
            }
            Map<Long, LocalDate> stopped = new LinkedHashMap<>();
            for (DisputedFinding finding : dispute.findings()) {
                if (finding.resolvedOn() != null || finding.serviceId() == null) {
                    continue;
                }
                LocalDate seen = lastSeen.get(finding.kind() + '\u0000' + dispute.carrier() + '\u0000' + finding.serviceId());
                if (seen == null || seen.isBefore(firstLater.get())) {
                    stopped.put(finding.findingId(), firstLater.get());
                }
            }
            if (!stopped.isEmpty()) {
                disputes.resolve(tenant, dispute.disputeId(), stopped, new DisputeEvent(now(), actor, dispute.state(), dispute.state(),
                        "no longer billed from " + firstLater.get() + ": finding" + (stopped.size() == 1 ? " " : "s ")
                                + String.join(", ", stopped.keySet().stream().map(String::valueOf).toList()) + " (audit run " + run.get().runId()
                                + "); counted as cost avoided from then on"));
                resolvedCount += stopped.size();
            }
        }
        return resolvedCount;
    }

    /** Credited in full (within the tolerance) or in part. */
    private DisputeState settled(Money claimed, Money credited) {
        return credited.amount().add(tolerance).compareTo(claimed.amount()) >= 0 ? DisputeState.CREDITED : DisputeState.PARTIALLY_CREDITED;
    }

    /** A negative line that is a credit or adjustment, or carries a credit code. */
    private boolean isCredit(ChargeLine line) {
        return line.amount().amount().signum() < 0 && (line.category() == ChargeCategory.CREDIT || line.category() == ChargeCategory.ADJUSTMENT
                || line.chargeCode() != null && creditCodes.contains(line.chargeCode()));
    }

    /** What identifies a bill's line: its invoice, file and record. */
    static String key(ChargeLine line) {
        return line.invoiceNumber() + "#" + line.source().file() + "#" + line.source().record();
    }

    private static Set<String> serviceIds(DisputeRecord dispute) {
        Set<String> ids = new HashSet<>();
        dispute.findings().stream().map(DisputedFinding::serviceId).filter(id -> id != null).forEach(ids::add);
        return ids;
    }

    private static Set<String> chargeCodes(DisputeRecord dispute) {
        Set<String> codes = new HashSet<>();
        dispute.findings().stream().map(DisputedFinding::chargeCode).filter(code -> code != null).forEach(codes::add);
        return codes;
    }

    private DisputeRecord existing(String tenant, long disputeId) throws StoreException {
        return disputes.dispute(tenant, disputeId).orElseThrow(() -> new IllegalArgumentException("no dispute " + disputeId
                + " (bl:disputes lists them)"));
    }

    /** Now, to the microsecond the store keeps. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant at(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
