package org.bridgeline.intake.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
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
import org.bridgeline.store.IntakeJob;

/**
 * One tenant's intake folders under {@code data/tenants/<tenant>/}: {@code inbox/} (bills arriving:
 * a plain file dropped by an operator, or {@code <id>/<name>} renamed into place by an upload),
 * {@code processing/<id>/}, {@code done/<id>/} and {@code failed/<id>/}, each item's folder holding
 * the bill and its {@code intake.json} (and a {@code .reason} beside a failed bill). The bills are
 * here; which runtime holds one and how it ended is the store's intake queue.
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
            case IMPORTED, DONE -> root.resolve("done");
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

    /** Writes the item's record beside its bill, replacing the last one in a rename. */
    void write(Path item, IntakeItem record) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("id", record.id());
        json.addProperty("file", record.file());
        json.addProperty("state", record.state().name());
        json.addProperty("receivedAt", record.receivedAt().toString());
        json.addProperty("startedAt", record.startedAt() == null ? null : record.startedAt().toString());
        json.addProperty("finishedAt", record.finishedAt() == null ? null : record.finishedAt().toString());
        json.addProperty("attempts", record.attempts());
        json.addProperty("runtime", record.runtime());
        json.addProperty("auditRunId", record.auditRunId());
        json.addProperty("reason", record.reason());
        if (record.reportJson() != null) {
            json.add("report", JsonParser.parseString(record.reportJson()));
        }
        Path temporary = item.resolve(RECORD + ".part");
        Files.writeString(temporary, json.toString(), StandardCharsets.UTF_8);
        Files.move(temporary, item.resolve(RECORD), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The bill an item's folder holds as it arrived: its record's name and time, else the bill's own; empty when it holds no bill. */
    Optional<IntakeJob> arrival(Path item) throws IOException {
        Optional<Path> bill = bill(item);
        if (bill.isEmpty()) {
            return Optional.empty();
        }
        String id = item.getFileName().toString();
        Path record = item.resolve(RECORD);
        if (Files.isRegularFile(record)) {
            JsonObject json = JsonParser.parseString(Files.readString(record, StandardCharsets.UTF_8)).getAsJsonObject();
            return Optional.of(IntakeJob.received(tenant, id, text(json, "file"), Instant.parse(text(json, "receivedAt"))));
        }
        return Optional.of(IntakeJob.received(tenant, id, bill.get().getFileName().toString(),
                Files.getLastModifiedTime(bill.get()).toInstant()));
    }

    /**
     * Whether a bill filed under done/ was imported and never audited: its record says {@code IMPORTED}. A record that
     * cannot be read counts as one, so the queue is asked.
     */
    static boolean awaitsAudit(Path item) {
        Path record = item.resolve(RECORD);
        return Files.isRegularFile(record) && recordedState(record).map(IntakeJob.IMPORTED::equals).orElse(true);
    }

    /** The state a record names, read up to it (a record also holds the import's whole report); empty when unreadable. */
    private static Optional<String> recordedState(Path record) {
        try (JsonReader json = new JsonReader(Files.newBufferedReader(record, StandardCharsets.UTF_8))) {
            json.beginObject();
            while (json.hasNext()) {
                if (json.nextName().equals("state") && json.peek() == JsonToken.STRING) {
                    return Optional.of(json.nextString());
                }
                json.skipValue();
            }
        } catch (IOException | IllegalStateException e) {
            // read below as unknown
        }
        return Optional.empty();
    }

    /** Where the item's folder is now, whichever state's folder holds it. */
    Optional<Path> locate(String id) {
        for (IntakeState state : IntakeState.values()) {
            Path item = folder(state).resolve(id);
            if (Files.isDirectory(item)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    /** The ids of the items in a state's folder, oldest first. */
    List<Path> items(IntakeState state) throws IOException {
        Path folder = folder(state);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(e -> isId(e.getFileName().toString()) && Files.isDirectory(e)).sorted().toList();
        }
    }

    private static String text(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
