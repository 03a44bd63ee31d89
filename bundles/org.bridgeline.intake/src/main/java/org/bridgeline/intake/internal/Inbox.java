package org.bridgeline.intake.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bridgeline.intake.IntakeItem;
import org.bridgeline.intake.IntakeState;

/**
 * One tenant's intake folders under {@code data/tenants/<tenant>/}: {@code inbox/} (bills arriving:
 * a plain file dropped by an operator, or {@code <id>/<name>} renamed into place by an upload),
 * {@code processing/<id>/}, {@code done/<id>/} and {@code failed/<id>/}, each item's folder holding
 * the bill and its {@code intake.json}. The folders are the state: nothing is lost across a restart.
 */
final class Inbox {

    static final String RECORD = "intake.json";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    final String tenant;
    final Path root;

    Inbox(Path tenants, String tenant) {
        this.tenant = tenant;
        this.root = tenants.resolve(tenant);
    }

    Path inbox() {
        return root.resolve("inbox");
    }

    Path folder(IntakeState state) {
        return switch (state) {
            case RECEIVED -> inbox();
            case PROCESSING -> root.resolve("processing");
            case DONE -> root.resolve("done");
            case FAILED -> root.resolve("failed");
        };
    }

    static String newId(Instant at) {
        byte[] random = new byte[2];
        RANDOM.nextBytes(random);
        return ID_TIME.format(at) + "-" + HexFormat.of().formatHex(random);
    }

    static boolean isId(String name) {
        return name.matches("\\d{8}T\\d{9}Z-[0-9a-f]{4}");
    }

    /** Moves an item's folder to the state's folder in one rename; returns its new place. */
    Path move(Path item, IntakeState to) throws IOException {
        Path target = folder(to).resolve(item.getFileName());
        Files.createDirectories(target.getParent());
        return Files.move(item, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The bill in an item's folder: its one file that is not the record. */
    static Optional<Path> bill(Path item) throws IOException {
        try (Stream<Path> files = Files.list(item)) {
            return files.filter(file -> !file.getFileName().toString().equals(RECORD) && Files.isRegularFile(file)).findFirst();
        }
    }

    void write(Path item, IntakeItem record) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("id", record.id());
        json.addProperty("file", record.file());
        json.addProperty("state", record.state().name());
        json.addProperty("receivedAt", record.receivedAt().toString());
        json.addProperty("finishedAt", record.finishedAt() == null ? null : record.finishedAt().toString());
        json.addProperty("auditRunId", record.auditRunId());
        json.addProperty("reason", record.reason());
        if (record.reportJson() != null) {
            json.add("report", JsonParser.parseString(record.reportJson()));
        }
        Path temporary = item.resolve(RECORD + ".part");
        Files.writeString(temporary, json.toString(), StandardCharsets.UTF_8);
        Files.move(temporary, item.resolve(RECORD), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The item in a folder of the given state: its record when it has one, else what the folder says. */
    Optional<IntakeItem> read(Path item, IntakeState state) throws IOException {
        String id = item.getFileName().toString();
        Path record = item.resolve(RECORD);
        if (Files.isRegularFile(record)) {
            JsonObject json = JsonParser.parseString(Files.readString(record, StandardCharsets.UTF_8)).getAsJsonObject();
            JsonElement report = json.get("report");
            return Optional.of(new IntakeItem(id, tenant, text(json, "file"), state, Instant.parse(text(json, "receivedAt")),
                    instant(text(json, "finishedAt")), json.has("auditRunId") && !json.get("auditRunId").isJsonNull()
                            ? json.get("auditRunId").getAsLong() : null, text(json, "reason"), report == null ? null : report.toString()));
        }
        Optional<Path> bill = bill(item);
        return bill.isEmpty() ? Optional.empty() : Optional.of(new IntakeItem(id, tenant, bill.get().getFileName().toString(), state,
                Files.getLastModifiedTime(bill.get()).toInstant(), null, null, null, null));
    }

    /** Every item of the tenant, newest first. */
    List<IntakeItem> items() throws IOException {
        List<IntakeItem> items = new java.util.ArrayList<>();
        for (IntakeState state : IntakeState.values()) {
            Path folder = folder(state);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(folder)) {
                for (Path entry : entries.filter(e -> isId(e.getFileName().toString()) && Files.isDirectory(e)).toList()) {
                    read(entry, state).ifPresent(items::add);
                }
            }
        }
        items.sort((a, b) -> b.id().compareTo(a.id()));
        return items;
    }

    private static String text(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
