package org.bridgeline.core;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.bridgeline.api.model.Money;

/**
 * The one JSON shape of Bridgeline's reports, for the console's {@code --json} and the HTTP API:
 * money as its exact amount and currency ({@code "6670.47 AUD"}), dates and instants in ISO 8601.
 * Gson has no {@code java.time} adapters of its own (and fails on them under Java 17's module rules).
 */
public final class Json {

    private static final Gson GSON = builder().create();
    private static final Gson PRETTY = builder().setPrettyPrinting().create();

    private Json() {
    }

    /** Compact JSON, for the wire. */
    public static Gson gson() {
        return GSON;
    }

    /** Indented JSON, for people. */
    public static Gson pretty() {
        return PRETTY;
    }

    private static GsonBuilder builder() {
        return new GsonBuilder().disableHtmlEscaping()
                .registerTypeAdapter(Money.class, (JsonSerializer<Money>) (money, type, context) ->
                        new JsonPrimitive(money.amount().toPlainString() + " " + money.currency().getCurrencyCode()))
                .registerTypeAdapter(LocalDate.class, (JsonSerializer<LocalDate>) (date, type, context) -> new JsonPrimitive(date.toString()))
                .registerTypeAdapter(YearMonth.class, (JsonSerializer<YearMonth>) (month, type, context) -> new JsonPrimitive(month.toString()))
                .registerTypeAdapter(Instant.class, (JsonSerializer<Instant>) (at, type, context) -> new JsonPrimitive(at.toString()))
                .registerTypeHierarchyAdapter(Path.class, (JsonSerializer<Path>) (path, type, context) -> new JsonPrimitive(path.toString()));
    }
}
