package org.bridgeline.parser.x12.internal;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ServiceType;

/**
 * A carrier's subset of the 811: what its HL level codes mean, which REF, SI and AMT qualifiers
 * carry which field, and its service type codes. Data, not code: a new carrier variant is a
 * new profile file.
 */
record X12Profile(
        String id,
        String format,
        String description,
        /** ISA sender ids (ISA06) this profile is for, with the carrier's name; empty for any sender. */
        Map<String, String> senders,
        /** Carrier names by sender id, for any sender this profile reads. */
        Map<String, String> carrierNames,
        /** HL03 level code → provider, account, subaccount, group, category, subcategory, type, charge, line. */
        Map<String, String> levels,
        /** REF01 qualifier → account or subAccount. */
        Map<String, String> ref,
        /** SI qualifier → serviceId, chargeCode, site, bandwidthMbps, serviceType. */
        Map<String, String> si,
        /** AMT01 qualifier → charge category. */
        Map<String, ChargeCategory> amt,
        /** The carrier's service type codes (SI ST values) → service types. */
        Map<String, ServiceType> serviceTypes,
        /** DTM qualifiers: periodStart, periodEnd, chargeStart, chargeEnd. */
        Map<String, String> dtm,
        /** TCD element positions: date, from, to, quantity, amount (and the usage unit under "unit"). */
        Map<String, String> tcd,
        /** N1 entity identifier codes (N101) whose party is the site of the loop or line item: code → site. Optional. */
        Map<String, String> n1) {

    static final Set<String> LEVELS = Set.of("provider", "account", "subaccount", "group", "category", "subcategory", "type",
            "charge", "line");

    static X12Profile read(InputStream in, String source) throws IOException {
        X12Profile profile;
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            profile = new Gson().fromJson(reader, X12Profile.class);
        } catch (JsonParseException e) {
            throw new IOException(source + ": not a valid X12 profile: " + e.getMessage());
        }
        if (profile == null || profile.id() == null || profile.levels() == null || profile.amt() == null || profile.si() == null
                || profile.ref() == null || profile.dtm() == null) {
            throw new IOException(source + ": expected id, levels, ref, si, amt and dtm");
        }
        for (String level : profile.levels().values()) {
            if (!LEVELS.contains(level)) {
                throw new IOException(source + ": field \"levels\": expected one of " + LEVELS + ", found " + level);
            }
        }
        if (profile.amt().containsValue(null) || profile.serviceTypes() != null && profile.serviceTypes().containsValue(null)) {
            throw new IOException(source + ": field \"amt\" or \"serviceTypes\": a value is not a known category or service type");
        }
        return profile;
    }

    /** The carrier's name for an ISA sender id. */
    String carrier(String sender) {
        if (senders != null && senders.containsKey(sender)) {
            return senders.get(sender);
        }
        return carrierNames != null && carrierNames.containsKey(sender) ? carrierNames.get(sender) : sender;
    }

    boolean forAnySender() {
        return senders == null || senders.isEmpty();
    }
}
