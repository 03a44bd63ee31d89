package org.bridgeline.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A range of bandwidths a benchmark applies to, lower bound included, upper bound excluded.
 *
 * @param fromMbps lowest bandwidth in the band, included
 * @param toMbps   first bandwidth above the band, or {@code null} for no upper bound
 */
public record BandwidthBand(BigDecimal fromMbps, BigDecimal toMbps) {

    public static final BandwidthBand ANY = new BandwidthBand(BigDecimal.ZERO, null);

    public BandwidthBand {
        Objects.requireNonNull(fromMbps, "fromMbps");
        if (toMbps != null && toMbps.compareTo(fromMbps) <= 0) {
            throw new IllegalArgumentException("band " + fromMbps + ".." + toMbps + " is empty");
        }
    }

    public boolean contains(BigDecimal mbps) {
        return mbps.compareTo(fromMbps) >= 0 && (toMbps == null || mbps.compareTo(toMbps) < 0);
    }

    @Override
    public String toString() {
        return fromMbps.toPlainString() + ".." + (toMbps == null ? "" : toMbps.toPlainString()) + " Mbps";
    }
}
