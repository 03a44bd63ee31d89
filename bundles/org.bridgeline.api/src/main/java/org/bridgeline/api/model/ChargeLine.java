package org.bridgeline.api.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The lowest element of a bill: one charge, as the carrier billed it.
 *
 * <p>Required: carrier, account, invoice number and date, category, amount and source. Every
 * other component may be {@code null} when the bill does not carry it (an account-level tax has
 * no service id; a recurring charge has no usage). {@code unitPrice} and {@code amount} are in
 * the invoice's currency. Parsers build lines with {@link #builder()}.
 *
 * @param carrier         the carrier's name as Bridgeline knows it (for example {@code "Telstra"})
 * @param account         billing account number
 * @param subAccount      sub-billing arrangement, if the bill has one
 * @param invoiceNumber   the invoice this line belongs to
 * @param invoiceDate     the invoice date
 * @param billingPeriod   the invoice's billing period
 * @param serviceId       circuit id, telephone number or line id
 * @param site            site or service location
 * @param serviceType     the kind of service; {@link ServiceType#OTHER} when unknown
 * @param category        what kind of charge this is
 * @param chargeCode      USOC or the carrier's own charge code
 * @param description     the carrier's description of the charge
 * @param quantity        billed quantity (units, lines, circuits)
 * @param unit            unit of {@code quantity}
 * @param unitPrice       price per unit
 * @param amount          the line's amount as billed; negative for credits
 * @param chargePeriod    the days the charge covers (may differ from the billing period:
 *                        proration, billing in advance or arrears)
 * @param bandwidthMbps   bandwidth of the service in Mbps where the bill states it
 * @param usageQuantity   metered quantity for usage charges
 * @param usageUnit       unit of {@code usageQuantity} (MIN, MSG, GB)
 * @param taxType         tax or surcharge type (for example {@code "FUSF"}), for taxes
 * @param taxJurisdiction taxing jurisdiction, for taxes
 * @param destination     for a call, the number dialled (digits, E.164 where the bill gives it), else {@code null}
 * @param source          where the line was read
 */
public record ChargeLine(
        String carrier,
        String account,
        String subAccount,
        String invoiceNumber,
        LocalDate invoiceDate,
        Period billingPeriod,
        String serviceId,
        String site,
        ServiceType serviceType,
        ChargeCategory category,
        String chargeCode,
        String description,
        BigDecimal quantity,
        String unit,
        Money unitPrice,
        Money amount,
        Period chargePeriod,
        BigDecimal bandwidthMbps,
        BigDecimal usageQuantity,
        String usageUnit,
        String taxType,
        String taxJurisdiction,
        String destination,
        SourcePosition source) {

    public ChargeLine {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(invoiceDate, "invoiceDate");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(source, "source");
        if (serviceType == null) {
            serviceType = ServiceType.OTHER;
        }
        if (unitPrice != null && !unitPrice.currency().equals(amount.currency())) {
            throw new IllegalArgumentException("unit price and amount in different currencies at " + source);
        }
    }

    /** A line without the number dialled: the form of version 1.0, kept so code built against it still links. */
    public ChargeLine(String carrier, String account, String subAccount, String invoiceNumber, LocalDate invoiceDate, Period billingPeriod,
            String serviceId, String site, ServiceType serviceType, ChargeCategory category, String chargeCode, String description,
            BigDecimal quantity, String unit, Money unitPrice, Money amount, Period chargePeriod, BigDecimal bandwidthMbps,
            BigDecimal usageQuantity, String usageUnit, String taxType, String taxJurisdiction, SourcePosition source) {
        this(carrier, account, subAccount, invoiceNumber, invoiceDate, billingPeriod, serviceId, site, serviceType, category, chargeCode,
                description, quantity, unit, unitPrice, amount, chargePeriod, bandwidthMbps, usageQuantity, usageUnit, taxType,
                taxJurisdiction, null, source);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this line's values. */
    /**
     * The day the charge is placed at: its charge period's start, else its billing period's start,
     * else the invoice date. The store's monthly views place a line in a month by the same rule.
     */
    public LocalDate chargedOn() {
        return chargePeriod != null ? chargePeriod.start() : billingPeriod != null ? billingPeriod.start() : invoiceDate;
    }

    /**
     * The price of one unit as billed: the stated unit price, else the amount over the quantity
     * (a missing or zero quantity counts as one), at six decimals rounded half-even.
     */
    public Money pricePerUnit() {
        return pricePerUnit(unitPrice, quantity, amount);
    }

    /** {@link #pricePerUnit()} from a line's parts, for views that carry them without the line. */
    public static Money pricePerUnit(Money unitPrice, BigDecimal quantity, Money amount) {
        if (unitPrice != null) {
            return unitPrice;
        }
        BigDecimal units = quantity == null || quantity.signum() == 0 ? BigDecimal.ONE : quantity;
        return new Money(amount.amount().divide(units, 6, RoundingMode.HALF_EVEN), amount.currency());
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link ChargeLine}; {@link #build()} checks the required components. */
    public static final class Builder {
        private String carrier;
        private String account;
        private String subAccount;
        private String invoiceNumber;
        private LocalDate invoiceDate;
        private Period billingPeriod;
        private String serviceId;
        private String site;
        private ServiceType serviceType = ServiceType.OTHER;
        private ChargeCategory category;
        private String chargeCode;
        private String description;
        private BigDecimal quantity;
        private String unit;
        private Money unitPrice;
        private Money amount;
        private Period chargePeriod;
        private BigDecimal bandwidthMbps;
        private BigDecimal usageQuantity;
        private String usageUnit;
        private String taxType;
        private String taxJurisdiction;
        private String destination;
        private SourcePosition source;

        private Builder() {
        }

        private Builder(ChargeLine line) {
            carrier = line.carrier;
            account = line.account;
            subAccount = line.subAccount;
            invoiceNumber = line.invoiceNumber;
            invoiceDate = line.invoiceDate;
            billingPeriod = line.billingPeriod;
            serviceId = line.serviceId;
            site = line.site;
            serviceType = line.serviceType;
            category = line.category;
            chargeCode = line.chargeCode;
            description = line.description;
            quantity = line.quantity;
            unit = line.unit;
            unitPrice = line.unitPrice;
            amount = line.amount;
            chargePeriod = line.chargePeriod;
            bandwidthMbps = line.bandwidthMbps;
            usageQuantity = line.usageQuantity;
            usageUnit = line.usageUnit;
            taxType = line.taxType;
            taxJurisdiction = line.taxJurisdiction;
            destination = line.destination;
            source = line.source;
        }

        /** Copies the invoice-level components (carrier, account, number, date, period) from a header. */
        public Builder invoice(InvoiceHeader header) {
            carrier = header.carrier();
            account = header.account();
            subAccount = header.subAccount();
            invoiceNumber = header.number();
            invoiceDate = header.date();
            billingPeriod = header.billingPeriod();
            return this;
        }

        public Builder carrier(String value) { carrier = value; return this; }
        public Builder account(String value) { account = value; return this; }
        public Builder subAccount(String value) { subAccount = value; return this; }
        public Builder invoiceNumber(String value) { invoiceNumber = value; return this; }
        public Builder invoiceDate(LocalDate value) { invoiceDate = value; return this; }
        public Builder billingPeriod(Period value) { billingPeriod = value; return this; }
        public Builder serviceId(String value) { serviceId = value; return this; }
        public Builder site(String value) { site = value; return this; }
        public Builder serviceType(ServiceType value) { serviceType = value; return this; }
        public Builder category(ChargeCategory value) { category = value; return this; }
        public Builder chargeCode(String value) { chargeCode = value; return this; }
        public Builder description(String value) { description = value; return this; }
        public Builder quantity(BigDecimal value) { quantity = value; return this; }
        public Builder unit(String value) { unit = value; return this; }
        public Builder unitPrice(Money value) { unitPrice = value; return this; }
        public Builder amount(Money value) { amount = value; return this; }
        public Builder chargePeriod(Period value) { chargePeriod = value; return this; }
        public Builder bandwidthMbps(BigDecimal value) { bandwidthMbps = value; return this; }
        public Builder usage(BigDecimal quantity, String unit) { usageQuantity = quantity; usageUnit = unit; return this; }
        public Builder tax(String type, String jurisdiction) { taxType = type; taxJurisdiction = jurisdiction; return this; }
        public Builder destination(String value) { destination = value; return this; }
        public Builder source(SourcePosition value) { source = value; return this; }

        public ChargeLine build() {
            return new ChargeLine(carrier, account, subAccount, invoiceNumber, invoiceDate, billingPeriod,
                    serviceId, site, serviceType, category, chargeCode, description, quantity, unit, unitPrice,
                    amount, chargePeriod, bandwidthMbps, usageQuantity, usageUnit, taxType, taxJurisdiction, destination,
                    source);
        }
    }
}
