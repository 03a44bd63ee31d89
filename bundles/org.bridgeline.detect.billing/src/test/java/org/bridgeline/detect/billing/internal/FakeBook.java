package org.bridgeline.detect.billing.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.testkit.InMemoryBook;

/** The testkit's in-memory book with a shorthand for the lines these tests need. */
final class FakeBook {

    final InMemoryBook book = new InMemoryBook();

    ChargeLine add(String service, ChargeCategory category, String code, String description, String amount, YearMonth month,
            String invoice) {
        return add(ServiceType.DIA, service, category, code, description, amount, month, invoice);
    }

    ChargeLine add(ServiceType type, String service, ChargeCategory category, String code, String description, String amount,
            YearMonth month, String invoice) {
        LocalDate date = month.atEndOfMonth();
        return book.add(ChargeLine.builder().carrier("Acme").account("A1").invoiceNumber(invoice).invoiceDate(date)
                .billingPeriod(Period.of(month.atDay(1), date)).serviceId(service).serviceType(type).category(category)
                .chargeCode(code).description(description).amount(Money.of(amount, "USD"))
                .source(SourcePosition.of(invoice + ".csv", book.lines.size() + 2, book.lines.size() + 2)).build());
    }
}
