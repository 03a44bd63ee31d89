package org.bridgeline.dispute;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How long a submitted dispute has waited, in the buckets collections use: 0-30, 31-60, 61-90 and over 90 days. */
public final class Aging {

    private Aging() {
    }

    /** Days from submission to {@code today}; 0 for a dispute never submitted. */
    public static long days(LocalDate submitted, LocalDate today) {
        return submitted == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(submitted, today));
    }

    /** The bucket of a dispute submitted on that day; {@code "-"} for one never submitted. */
    public static String bucket(LocalDate submitted, LocalDate today) {
        if (submitted == null) {
            return "-";
        }
        long days = days(submitted, today);
        return days <= 30 ? "0-30" : days <= 60 ? "31-60" : days <= 90 ? "61-90" : "over 90";
    }
}
