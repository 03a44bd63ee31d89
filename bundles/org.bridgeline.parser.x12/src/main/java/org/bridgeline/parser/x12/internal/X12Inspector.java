package org.bridgeline.parser.x12.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an 811 nobody has a profile for holds: its delimiters and envelope, a census of its segments, how its HL level codes
 * nest, and every REF, SI, AMT, DTM and TXI qualifier with counts and sample values; then how well each known profile fits
 * it and what that profile would leave unread, and a draft profile to edit. Onboarding a carrier's EDI dialect starts here.
 */
final class X12Inspector {

    /** A qualifier seen: how often, and its first few values. */
    static final class Seen {
        long count;
        final Set<String> samples = new LinkedHashSet<>();

        void add(String value) {
            count++;
            if (samples.size() < 3 && value != null && !value.isBlank()) {
                samples.add(value.strip());
            }
        }
    }

    /** What the file holds. */
    static final class Findings {
        char element;
        char component;
        char terminator;
        String sender;
        String receiver;
        long groups;
        long transactions;
        long segments;
        final Map<String, Long> census = new TreeMap<>();
        /** Every root-to-leaf chain of HL level codes, as read. */
        final Set<String> nesting = new TreeSet<>();
        final Map<String, Map<String, Seen>> qualifiers = new LinkedHashMap<>();

        Seen qualifier(String segment, String qualifier) {
            return qualifiers.computeIfAbsent(segment, k -> new TreeMap<>()).computeIfAbsent(qualifier, k -> new Seen());
        }
    }

    private X12Inspector() {
    }

    static Findings inspect(Reader input) throws IOException, SegmentReader.NotX12 {
        SegmentReader reader = new SegmentReader(input);
        Findings found = new Findings();
        found.element = reader.element();
        found.component = reader.component();
        found.terminator = reader.terminator();
        Map<String, String> levelOf = new LinkedHashMap<>();
        Map<String, String> parentOf = new LinkedHashMap<>();
        Set<String> parents = new LinkedHashSet<>();
        for (List<String> e = reader.next(); e != null; e = reader.next()) {
            String id = e.get(0).strip();
            found.segments++;
            found.census.merge(id, 1L, Long::sum);
            switch (id) {
                case "ISA" -> {
                    found.sender = at(e, 6);
                    found.receiver = at(e, 8);
                }
                case "GS" -> found.groups++;
                case "ST" -> {
                    found.transactions++;
                    chains(levelOf, parentOf, parents, found.nesting);
                    levelOf.clear();
                    parentOf.clear();
                    parents.clear();
                }
                case "HL" -> {
                    levelOf.put(at(e, 1), at(e, 3));
                    parentOf.put(at(e, 1), at(e, 2));
                    parents.add(at(e, 2));
                }
                case "REF", "AMT", "DTM", "TXI" -> found.qualifier(id, at(e, 1)).add(at(e, 2));
                case "SI" -> {
                    for (int i = 2; i + 1 < e.size(); i += 2) {
                        found.qualifier("SI", at(e, i)).add(at(e, i + 1));
                    }
                }
                default -> { }
            }
        }
        chains(levelOf, parentOf, parents, found.nesting);
        return found;
    }

    /** The level-code chain of every HL no other HL names as its parent: e.g. 1 > 2 > 5 > 8. */
    private static void chains(Map<String, String> levelOf, Map<String, String> parentOf, Set<String> parents, Set<String> nesting) {
        for (String id : levelOf.keySet()) {
            if (parents.contains(id)) {
                continue;
            }
            List<String> chain = new ArrayList<>();
            Set<String> visited = new LinkedHashSet<>();
            for (String at = id; at != null && !at.isEmpty() && visited.add(at); at = parentOf.get(at)) {
                chain.add(0, levelOf.getOrDefault(at, "?"));
            }
            nesting.add(String.join(" > ", chain));
        }
    }

    private static String at(List<String> e, int index) {
        return index < e.size() ? e.get(index).strip() : "";
    }

    /** How a profile fits: the codes of the file it reads and those it would leave unread. */
    record Fit(X12Profile profile, int known, List<String> unread) {
        int total() {
            return known + unread.size();
        }

        int percent() {
            return total() == 0 ? 100 : known * 100 / total();
        }
    }

    static Fit fit(Findings found, X12Profile profile) {
        List<String> unread = new ArrayList<>();
        int known = 0;
        Set<String> levels = new TreeSet<>();
        found.nesting.forEach(chain -> levels.addAll(List.of(chain.split(" > "))));
        for (String level : levels) {
            known += count(profile.levels().containsKey(level), "HL03 " + level, unread);
        }
        for (Map.Entry<String, Map<String, Seen>> segment : found.qualifiers.entrySet()) {
            Map<String, ?> mapping = switch (segment.getKey()) {
                case "REF" -> profile.ref();
                case "SI" -> profile.si();
                case "AMT" -> profile.amt();
                case "DTM" -> profile.dtm().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getValue,
                        Map.Entry::getKey, (a, b) -> a));
                default -> null; // TXI types are read as they are
            };
            if (mapping == null) {
                continue;
            }
            for (String qualifier : segment.getValue().keySet()) {
                known += count(mapping.containsKey(qualifier), segment.getKey() + " " + qualifier, unread);
            }
        }
        return new Fit(profile, known, unread);
    }

    private static int count(boolean known, String what, List<String> unread) {
        if (!known) {
            unread.add(what);
        }
        return known ? 1 : 0;
    }

    /** The report, for the console. */
    static String report(String file, Findings found, List<X12Profile> profiles) {
        StringBuilder out = new StringBuilder();
        out.append(file).append('\n');
        out.append("delimiters  element '").append(found.element).append("', component '").append(found.component)
                .append("', segment '").append(printable(found.terminator)).append("'\n");
        out.append("envelope    sender ").append(found.sender).append(", receiver ").append(found.receiver).append(", ")
                .append(found.groups).append(found.groups == 1 ? " group, " : " groups, ").append(found.transactions)
                .append(found.transactions == 1 ? " transaction, " : " transactions, ").append(found.segments).append(" segments\n");
        out.append("segments    ");
        found.census.forEach((id, count) -> out.append(id).append(' ').append(count).append("  "));
        out.append("\nHL nesting  ").append(String.join(", ", found.nesting)).append('\n');
        found.qualifiers.forEach((segment, seen) -> seen.forEach((qualifier, what) -> out.append(String.format("%-11s %-6s %5d  %s%n",
                segment, qualifier, what.count, String.join(", ", what.samples)))));
        List<Fit> fits = profiles.stream().map(profile -> fit(found, profile))
                .sorted(Comparator.comparingInt((Fit fit) -> fit.percent()).reversed().thenComparing(fit -> fit.profile().id()))
                .toList();
        for (Fit fit : fits) {
            out.append("profile     ").append(fit.profile().id()).append(": reads ").append(fit.known()).append(" of ").append(fit.total())
                    .append(" codes").append(fit.unread().isEmpty() ? "" : "; leaves unread " + String.join(", ", fit.unread())).append('\n');
        }
        return out.toString();
    }

    private static String printable(char c) {
        return c == '\n' ? "\\n" : c == '\r' ? "\\r" : String.valueOf(c);
    }

    /**
     * A profile for the file to edit: what the standard profile knows is filled in, every other code says {@code EDIT:} and
     * the names it may take. A draft with an EDIT left is refused when read, naming the field.
     */
    static String draft(Findings found, X12Profile standard) {
        com.google.gson.JsonObject profile = new com.google.gson.JsonObject();
        String sender = found.sender == null || found.sender.isBlank() ? "SENDER" : found.sender;
        profile.addProperty("id", "x12-811-" + sender.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-draft");
        profile.addProperty("format", "X12 811 from " + sender + " (drafted by bl:x12-inspect)");
        profile.addProperty("description", "Drafted from a sample: replace every EDIT value with one of the names it lists");
        com.google.gson.JsonObject senders = new com.google.gson.JsonObject();
        senders.addProperty(sender, sender);
        profile.add("senders", senders);
        Set<String> levels = new TreeSet<>();
        found.nesting.forEach(chain -> levels.addAll(List.of(chain.split(" > "))));
        profile.add("levels", mapping(levels, standard.levels(), "EDIT: " + String.join("|", X12Profile.LEVELS.stream().sorted().toList())));
        profile.add("ref", mapping(codes(found, "REF"), standard.ref(), "EDIT: account|subAccount"));
        profile.add("si", mapping(codes(found, "SI"), standard.si(), "EDIT: serviceId|chargeCode|site|bandwidthMbps|serviceType"));
        Map<String, String> categories = new LinkedHashMap<>();
        standard.amt().forEach((code, category) -> categories.put(code, category.name()));
        profile.add("amt", mapping(codes(found, "AMT"), categories, "EDIT: " + String.join("|",
                java.util.Arrays.stream(org.bridgeline.api.model.ChargeCategory.values()).map(Enum::name).toList())));
        Set<String> types = new TreeSet<>();
        Map<String, Seen> si = found.qualifiers.getOrDefault("SI", Map.of());
        standard.si().forEach((code, field) -> {
            if (field.equals("serviceType") && si.containsKey(code)) {
                types.addAll(si.get(code).samples);
            }
        });
        Map<String, String> typeNames = new LinkedHashMap<>();
        if (standard.serviceTypes() != null) {
            standard.serviceTypes().forEach((code, type) -> typeNames.put(code, type.name()));
        }
        profile.add("serviceTypes", mapping(types, typeNames, "EDIT: " + String.join("|",
                java.util.Arrays.stream(org.bridgeline.api.model.ServiceType.values()).map(Enum::name).toList())));
        profile.add("dtm", new com.google.gson.Gson().toJsonTree(standard.dtm()));
        if (standard.tcd() != null) {
            profile.add("tcd", new com.google.gson.Gson().toJsonTree(standard.tcd()));
        }
        return new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(profile) + "\n";
    }

    private static Set<String> codes(Findings found, String segment) {
        return found.qualifiers.getOrDefault(segment, Map.of()).keySet();
    }

    private static com.google.gson.JsonObject mapping(Set<String> codes, Map<String, String> known, String edit) {
        com.google.gson.JsonObject object = new com.google.gson.JsonObject();
        for (String code : codes) {
            object.addProperty(code, known.getOrDefault(code, edit));
        }
        return object;
    }
}
