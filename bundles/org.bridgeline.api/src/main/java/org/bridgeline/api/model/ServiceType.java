package org.bridgeline.api.model;

/** The kind of telecom service a charge belongs to. Parsers map carrier codes onto these. */
public enum ServiceType {
    /** Dedicated internet access. */
    DIA,
    MPLS,
    ETHERNET,
    /** A single analogue or digital business line (POTS, Centrex). */
    VOICE_LINE,
    PRI,
    SIP,
    TOLL_FREE,
    WIRELESS,
    LONG_DISTANCE,
    OTHER
}
