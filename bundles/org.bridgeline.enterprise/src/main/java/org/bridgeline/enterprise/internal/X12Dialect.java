package org.bridgeline.enterprise.internal;

import java.util.Map;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ServiceType;

/**
 * How one carrier writes its 811: the sender id, HL level codes, qualifiers and codes. The two
 * dialects mirror the X12 parser's shipped profiles (the ATIS levels and Northwind's guide), so
 * the files read back through the product as a carrier's would.
 */
public record X12Dialect(String sender, String providerLevel, String accountLevel, String chargeLevel, String accountRef,
        String serviceQualifier, String codeQualifier, String siteQualifier, String bandwidthQualifier, String typeQualifier,
        Map<ChargeCategory, String> amounts, Map<ServiceType, String> serviceTypes) {

    public static final X12Dialect STANDARD = new X12Dialect("ACMETEL", "1", "2", "8", "12", "CI", "SC", "SL", "BW", "ST",
            Map.of(ChargeCategory.RECURRING, "RC", ChargeCategory.ONE_TIME, "NR", ChargeCategory.USAGE, "US",
                    ChargeCategory.SURCHARGE, "SU", ChargeCategory.CREDIT, "CR", ChargeCategory.ADJUSTMENT, "AJ"),
            Map.of(ServiceType.DIA, "DIA", ServiceType.MPLS, "MPLS", ServiceType.ETHERNET, "ETH", ServiceType.VOICE_LINE, "POTS",
                    ServiceType.WIRELESS, "WLS"));

    public static final X12Dialect NORTHWIND = new X12Dialect("NORTHWIND", "SP", "BA", "CD", "AN", "CKT", "USO", "LOC", "SPD", "SVC",
            Map.of(ChargeCategory.RECURRING, "1", ChargeCategory.ONE_TIME, "2", ChargeCategory.USAGE, "3",
                    ChargeCategory.SURCHARGE, "4", ChargeCategory.CREDIT, "5", ChargeCategory.ADJUSTMENT, "6"),
            Map.of(ServiceType.DIA, "INTERNET", ServiceType.MPLS, "MPLS", ServiceType.ETHERNET, "ELINE", ServiceType.VOICE_LINE, "POTS"));

    String amountQualifier(ChargeCategory category) {
        String qualifier = amounts.get(category);
        if (qualifier == null) {
            throw new IllegalArgumentException("dialect " + sender + " has no AMT qualifier for " + category);
        }
        return qualifier;
    }

    String typeCode(ServiceType type) {
        String code = serviceTypes.get(type);
        if (code == null) {
            throw new IllegalArgumentException("dialect " + sender + " has no service type code for " + type);
        }
        return code;
    }
}
