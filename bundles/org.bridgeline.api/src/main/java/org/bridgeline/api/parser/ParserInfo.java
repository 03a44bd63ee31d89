package org.bridgeline.api.parser;

import java.util.Objects;

/**
 * Who a parser is: shown in {@code bl:plugins}, in import reports and on every imported line's
 * provenance.
 *
 * @param id      stable id, unique among parsers (for example {@code "telstra-olb"}); the
 *                operator names a parser by it with {@code bl:import --parser}
 * @param carrier the carrier whose bills it reads
 * @param format  the format's name (for example {@code "OLB CSV"}, {@code "X12 811"})
 * @param version the version of the format it reads (for example {@code "6.4"})
 */
public record ParserInfo(String id, String carrier, String format, String version) {

    public ParserInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(version, "version");
        if (id.isBlank() || !id.equals(id.strip()) || id.contains(" ")) {
            throw new IllegalArgumentException("parser id must be one word, found '" + id + "'");
        }
    }
}
