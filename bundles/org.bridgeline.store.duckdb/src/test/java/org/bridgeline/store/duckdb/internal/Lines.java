package org.bridgeline.store.duckdb.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.SourcePosition;

/** Test invoices and lines. */
final class Lines {

    private Lines() {
    }

    static InvoiceHeader header(String number, LocalDate date) {
        return new InvoiceHeader("Acme Telecom", "ACC-1", null, number, date,
                Period.of(date.withDayOfMonth(1), date.withDayOfMonth(date.lengthOfMonth())), Currency.getInstance("USD"),
                SourcePosition.of("bill-" + number + ".csv", 1, 1));
    }

    static ChargeLine line(InvoiceHeader header, int record, String service, ChargeCategory category, String code, String amount) {
        return ChargeLine.builder().invoice(header).serviceId(service).site("HQ").serviceType(ServiceType.DIA)
                .category(category).chargeCode(code).description(code + " charge")
                .quantity(BigDecimal.ONE).unitPrice(Money.of(amount, "USD")).amount(Money.of(amount, "USD"))
                .bandwidthMbps(new BigDecimal("100")).source(SourcePosition.of(header.source().file(), record, record))
                .build();
    }
}
