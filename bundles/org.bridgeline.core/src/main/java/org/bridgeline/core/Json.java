package org.bridgeline.core;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import org.bridgeline.api.model.Money;

/**
 * The one JSON shape of Bridgeline's reports, for the console's {@code --json} and the HTTP API:
 * money as its exact amount and currency ({@code "6670.47 AUD"}), dates, instants and durations in ISO 8601.
 * Gson has no {@code java.time} adapters of its own (and fails on them under Java 17's module rules).
 */
public final class Json {

    private static final Gson GSON = builder().create();
    private static final Gson PRETTY = builder().setPrettyPrinting().create();
    private static final Gson API = builder().serializeNulls().create();

    private Json() {
    }

    /** Compact JSON, for the wire. */
    public static Gson gson() {
        return GSON;
    }

    /** Compact JSON with every field, a null one as null: the HTTP API's shape, the same for every object of a kind. */
    public static Gson api() {
        return API;
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
                .registerTypeAdapter(Currency.class, (JsonSerializer<Currency>) (currency, type, context) ->
                        new JsonPrimitive(currency.getCurrencyCode()))
                .registerTypeAdapter(Duration.class, (JsonSerializer<Duration>) (duration, type, context) -> new JsonPrimitive(duration.toString()))
                .registerTypeAdapter(Instant.class, (JsonSerializer<Instant>) (at, type, context) -> new JsonPrimitive(at.toString()))
                .registerTypeHierarchyAdapter(Path.class, (JsonSerializer<Path>) (path, type, context) -> new JsonPrimitive(path.toString()));
    }
}
