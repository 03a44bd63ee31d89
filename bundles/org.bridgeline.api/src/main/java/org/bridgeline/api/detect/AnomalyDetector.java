package org.bridgeline.api.detect;

import java.util.List;
import java.util.function.Consumer;
import org.bridgeline.api.model.Finding;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Finds one kind (or a few related kinds) of anomaly in the book of business.
 *
 * <p><b>What a detector must do.</b> Register as a service of this interface. {@link #detect}
 * reads only through the {@link BookOfBusiness} it is given and returns its findings; it is
 * deterministic: the same book gives the same findings in the same order. Thresholds come from
 * Configuration Admin (a {@code @Designate}d configuration with documented defaults), never
 * from constants an operator cannot change.
 *
 * <p>A detector that can find many (one per service, say) also overrides
 * {@link #detect(BookOfBusiness, Consumer)}: the audit stores findings as they are emitted, so a
 * detector that emits as it goes never holds the whole result.
 *
 * <p><b>What it may rely on.</b> Core runs detectors independently of each other; one that
 * throws fails only its own part of the audit, which reports the error.
 */
@ConsumerType
public interface AnomalyDetector {

    /** Stable id, unique among detectors (for example {@code "rate-above-contract"}). */
    String id();

    /** One line saying what it looks for, shown in {@code bl:plugins}. */
    String description();

    /** The findings in the book of business, in a stable order. */
    List<Finding> detect(BookOfBusiness book);

    /**
     * Emits the findings one by one, in the order {@link #detect(BookOfBusiness)} returns them; what
     * the audit calls. This default emits the list; a detector that overrides it answers
     * {@link #detect(BookOfBusiness)} with {@link #collect}.
     *
     * @since 1.4
     */
    default void detect(BookOfBusiness book, Consumer<Finding> sink) {
        detect(book).forEach(sink);
    }

    /**
     * Everything a detector emits, as a list: {@link #detect(BookOfBusiness)} of a detector that streams.
     *
     * @since 1.4
     */
    static List<Finding> collect(AnomalyDetector detector, BookOfBusiness book) {
        List<Finding> findings = new java.util.ArrayList<>();
        detector.detect(book, findings::add);
        return findings;
    }
}
