package org.bridgeline.enterprise;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.enterprise.SeededEnterprise.Anomaly;
import org.bridgeline.enterprise.internal.BluewaveCsv;
import org.bridgeline.enterprise.internal.ChargeExportCsv;
import org.bridgeline.enterprise.internal.InputFiles;
import org.bridgeline.enterprise.internal.X12Dialect;
import org.bridgeline.enterprise.internal.X12Writer;

/**
 * A generated enterprise as an operator would receive it: each carrier's twelve bills in its own
 * format (the seeded enterprise's Acme Telecom as X12 811 on the ATIS levels, Northwind Telecom as
 * an 811 in its own guide's dialect, Bluewave Wireless as a portal CSV export; every other carrier
 * as the charge-level CSV export; both CSVs read by this bundle's layouts), the contracts as JSON,
 * the expected inventory and the orders as CSV, and the ground truth: anomalies and controls.
 *
 * <pre>
 * DIR/bills/acme-telecom/AC-2025-01.edi ...      bl:import DIR/bills
 * DIR/bills/northwind-telecom/NO-2025-01.edi ...
 * DIR/bills/bluewave-wireless/BL-2025-01.csv ...
 * DIR/benchmarks/illustrative-benchmarks.csv     the benchmark table provider's folder
 * DIR/contracts.json                              bl:contract-import
 * DIR/inventory.csv                               bl:inventory-import
 * DIR/orders.csv                                  bl:orders-import
 * DIR/requirements.csv                            bl:requirements-import
 * DIR/later-bills/acme-telecom/AC-2026-01.edi ... the next two months' bills, carrying credits (seeded enterprise)
 * DIR/truth.json                                  the injected anomalies, for scoring an audit, and what each later credit settles
 * </pre>
 */
public final class EnterpriseFiles {

    /** What was written. */
    public record Written(Path folder, int billFiles, long lines, int anomalies) {
    }

    private EnterpriseFiles() {
    }

    /** Writes the enterprise into {@code folder}; the same enterprise writes the same bytes. */
    public static Written write(GeneratedEnterprise enterprise, Path folder) throws IOException {
        int files = writeBills(enterprise.lines(), folder.resolve("bills"));
        if (enterprise instanceof SeededEnterprise seeded) {
            writeBills(seeded.laterBills().lines(), folder.resolve("later-bills"));
        }
        InputFiles.benchmarks(enterprise.benchmarks(), Files.createDirectories(folder.resolve("benchmarks"))
                .resolve("illustrative-benchmarks.csv"));
        InputFiles.contracts(enterprise.contracts(), folder.resolve("contracts.json"));
        InputFiles.inventory(enterprise.expectedInventory(), folder.resolve("inventory.csv"));
        InputFiles.orders(enterprise.orders(), folder.resolve("orders.csv"));
        InputFiles.requirements(enterprise.requirements(), folder.resolve("requirements.csv"));
        writeTruth(enterprise, folder.resolve("truth.json"));
        return new Written(folder, files, enterprise.lines().size(), enterprise.groundTruth().anomalies().size());
    }

    /** Writes each carrier's invoices into its own folder, one file per invoice in the carrier's format; returns how many files. */
    private static int writeBills(List<ChargeLine> lines, Path bills) throws IOException {
        Map<String, Map<String, List<ChargeLine>>> invoices = new LinkedHashMap<>();
        for (ChargeLine line : lines) {
            invoices.computeIfAbsent(line.carrier(), k -> new LinkedHashMap<>()).computeIfAbsent(line.invoiceNumber(), k -> new ArrayList<>())
                    .add(line);
        }
        int files = 0;
        for (Map.Entry<String, Map<String, List<ChargeLine>>> carrier : invoices.entrySet()) {
            Path folder = Files.createDirectories(bills.resolve(carrier.getKey().toLowerCase().replace(' ', '-')));
            int control = 0;
            for (Map.Entry<String, List<ChargeLine>> invoice : carrier.getValue().entrySet()) {
                control++;
                boolean x12 = carrier.getKey().equals(SeededEnterprise.ACME) || carrier.getKey().equals(SeededEnterprise.NORTHWIND);
                try (Writer out = Files.newBufferedWriter(folder.resolve(invoice.getKey() + (x12 ? ".edi" : ".csv")), StandardCharsets.UTF_8)) {
                    if (carrier.getKey().equals(SeededEnterprise.BLUEWAVE)) {
                        BluewaveCsv.write(invoice.getValue(), out);
                    } else if (!x12) {
                        ChargeExportCsv.write(invoice.getValue(), out);
                    } else {
                        new X12Writer(carrier.getKey().equals(SeededEnterprise.NORTHWIND) ? X12Dialect.NORTHWIND : X12Dialect.STANDARD)
                                .write(invoice.getValue(), control, out);
                    }
                }
                files++;
            }
        }
        return files;
    }

    private static void writeTruth(GeneratedEnterprise enterprise, Path file) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("generator", enterprise.generator());
        root.addProperty("seed", enterprise.seed());
        root.addProperty("sites", enterprise.sites());
        root.addProperty("lines", enterprise.lines().size());
        root.add("anomalies", json(enterprise.groundTruth().anomalies()));
        root.add("controls", json(enterprise.groundTruth().controls()));
        JsonObject savings = new JsonObject();
        enterprise.expectedAnnualSavings().forEach((carrier, amount) -> savings.addProperty(carrier, amount.toPlainString()));
        root.add("expectedAnnualSavings", savings);
        JsonObject credits = new JsonObject();
        enterprise.expectedCredits().forEach((carrier, amount) -> credits.addProperty(carrier, amount.toPlainString()));
        root.add("expectedCredits", credits);
        JsonObject statuses = new JsonObject();
        enterprise.expectedRequirementStatuses().forEach((carrier, counts) -> {
            JsonObject byStatus = new JsonObject();
            counts.forEach(byStatus::addProperty);
            statuses.add(carrier, byStatus);
        });
        root.add("expectedRequirementStatuses", statuses);
        if (enterprise instanceof SeededEnterprise seeded) {
            root.add("credits", credits(seeded.laterBills().credits()));
        }
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n", StandardCharsets.UTF_8);
    }

    private static JsonArray json(List<Anomaly> anomalies) {
        JsonArray array = new JsonArray();
        for (Anomaly anomaly : anomalies) {
            JsonObject object = new JsonObject();
            object.addProperty("detector", anomaly.detectorId());
            object.addProperty("kind", anomaly.kind());
            object.addProperty("carrier", anomaly.carrier());
            object.addProperty("subject", anomaly.subject());
            array.add(object);
        }
        return array;
    }

    private static JsonArray credits(List<LaterBills.Credit> credits) {
        JsonArray array = new JsonArray();
        for (LaterBills.Credit credit : credits) {
            JsonObject object = new JsonObject();
            object.addProperty("carrier", credit.carrier());
            object.addProperty("invoice", credit.invoice());
            object.addProperty("serviceId", credit.serviceId());
            object.addProperty("amount", credit.amount().toPlainString());
            object.addProperty("scenario", credit.scenario());
            object.addProperty("ambiguous", credit.ambiguous());
            object.add("settles", json(credit.settles()));
            array.add(object);
        }
        return array;
    }

    /** The credits of the later bills a {@code truth.json} names, with what each settles; empty for a file without them. */
    public static List<LaterBills.Credit> readCredits(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonObject root = JsonParser.parseReader(in).getAsJsonObject();
            if (!root.has("credits")) {
                return List.of();
            }
            List<LaterBills.Credit> credits = new ArrayList<>();
            JsonArray array = root.getAsJsonArray("credits");
            for (int i = 0; i < array.size(); i++) {
                JsonObject object = array.get(i).getAsJsonObject();
                String where = "credits[" + i + "]";
                credits.add(new LaterBills.Credit(text(object, "carrier", file, where), text(object, "invoice", file, where),
                        object.has("serviceId") && !object.get("serviceId").isJsonNull() ? object.get("serviceId").getAsString() : null,
                        new java.math.BigDecimal(text(object, "amount", file, where)), text(object, "scenario", file, where),
                        read(object.getAsJsonArray("settles"), where + ".settles", file), object.get("ambiguous").getAsBoolean()));
            }
            return credits;
        } catch (JsonParseException | IllegalStateException | NullPointerException | ClassCastException | NumberFormatException e) {
            throw new IOException(file + ": expected \"credits\" of carrier, invoice, amount, scenario, ambiguous and settles, found "
                    + "something else (" + e.getMessage() + ")");
        }
    }

    /** The anomalies of a {@code truth.json}; a file that is not one is named in the error with what it lacks. */
    public static List<Anomaly> readTruth(Path file) throws IOException {
        return readGroundTruth(file).anomalies();
    }

    /** The anomalies and controls (none in a file written before controls were) of a {@code truth.json}. */
    public static GroundTruth readGroundTruth(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonObject root = JsonParser.parseReader(in).getAsJsonObject();
            return new GroundTruth(read(root.getAsJsonArray("anomalies"), "anomalies", file),
                    root.has("controls") ? read(root.getAsJsonArray("controls"), "controls", file) : List.of());
        } catch (JsonParseException | IllegalStateException | NullPointerException | ClassCastException e) {
            throw new IOException(file + ": expected a ground truth file with an \"anomalies\" array of detector, kind, carrier and "
                    + "subject, found something else (" + e.getMessage() + ")");
        }
    }

    private static List<Anomaly> read(JsonArray array, String name, Path file) throws IOException {
        List<Anomaly> anomalies = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonObject object = array.get(i).getAsJsonObject();
            String where = name + "[" + i + "]";
            anomalies.add(new Anomaly(text(object, "detector", file, where), text(object, "kind", file, where),
                    text(object, "carrier", file, where), text(object, "subject", file, where)));
        }
        return anomalies;
    }

    private static String text(JsonObject object, String field, Path file, String where) throws IOException {
        if (!object.has(field) || !object.get(field).isJsonPrimitive()) {
            throw new IOException(file + " " + where + ": field \"" + field + "\": expected a text, found nothing");
        }
        return object.get(field).getAsString();
    }
}
