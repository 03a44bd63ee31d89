package org.bridgeline.detect.tax.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.testkit.ConfigDefaults;
import org.bridgeline.testkit.InMemoryBook;
import org.junit.jupiter.api.Test;

/** Hand-made bills: a USF line at, just above and well above its cap; taxes on exempt services. */
class TaxAndSurchargeDetectorTest {

    private static final YearMonth FEB = YearMonth.of(2026, 2);

    private final InMemoryBook book = new InMemoryBook();

    private static TaxAndSurchargeDetector.Config config(String... exemptServices) {
        return new TaxAndSurchargeDetector.Config() {
            public String[] contributionFactors() { return new String[] {"2026Q1=0.376"}; }
            public String[] jurisdictions() { return ConfigDefaults.of(TaxAndSurchargeDetector.Config.class).jurisdictions(); }
            public String usfPattern() { return "(?i)\\bFUSF\\b|\\bFED(ERAL)?[ _-]?USF\\b|federal universal service"; }
            public String[] exemptServiceTypes() { return new String[] {"DIA"}; }
            public String[] exemptServices() { return exemptServices; }
            public double tolerance() { return 0.01; }
            public Class<? extends Annotation> annotationType() { return TaxAndSurchargeDetector.Config.class; }
        };
    }

    private ChargeLine line(String invoice, String service, ServiceType type, ChargeCategory category, String taxType,
            String description, String amount, YearMonth month) {
        return book.add(ChargeLine.builder().carrier("Acme").account("A1").invoiceNumber(invoice).invoiceDate(month.atEndOfMonth())
                .billingPeriod(Period.of(month.atDay(1), month.atEndOfMonth())).serviceId(service).serviceType(type).category(category)
                .tax(taxType, null).description(description).amount(Money.of(amount, "USD"))
                .source(SourcePosition.of(invoice + ".edi", book.lines.size() + 1, book.lines.size() + 1)).build());
    }

    /** A bill of 1000 USD of long distance and 1000 USD of wireless: interstate 1000 + 371 = 1371, cap 515.50 at 37.6%. */
    private void billWithUsf(String invoice, String usf) {
        line(invoice, "LD-1", ServiceType.LONG_DISTANCE, ChargeCategory.USAGE, null, "calls", "1000.00", FEB);
        line(invoice, "WL-1", ServiceType.WIRELESS, ChargeCategory.RECURRING, null, "plan", "1000.00", FEB);
        line(invoice, null, ServiceType.OTHER, ChargeCategory.SURCHARGE, "FUSF", "Federal Universal Service Fee", usf, FEB);
        line(invoice, null, ServiceType.OTHER, ChargeCategory.TAX, "STATE", "State sales tax", "80.00", FEB); // not USF
    }

    @Test
    void aUsfLineAtItsCapIsCorrectJustAboveIsRoundingWellAboveIsAnOvercharge() {
        billWithUsf("AT-CAP", "515.50");
        billWithUsf("A-CENT-OVER", "515.51");
        billWithUsf("OVER", "600.00");
        List<Finding> findings = new TaxAndSurchargeDetector(config()).detect(book);
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals("usf-above-cap", finding.kind());
        assertEquals(Money.of("84.50", "USD"), finding.monthlyImpact());
        assertEquals(Money.of("1014.00", "USD"), finding.annualImpact());
        assertEquals(1, finding.evidence().size(), "the USF line");
        assertEquals(RecommendedAction.DISPUTE_FOR_CREDIT, finding.action());
        assertTrue(finding.explanation().contains("1371.00 USD (by the jurisdiction of each charge), times the 2026Q1 contribution factor 37.6%: 515.50 USD"),
                finding.explanation());
    }

    @Test
    void aQuarterWithoutAConfiguredFactorIsNotJudged() {
        line("Q3", "LD-1", ServiceType.LONG_DISTANCE, ChargeCategory.USAGE, null, "calls", "100.00", YearMonth.of(2026, 8));
        line("Q3", null, ServiceType.OTHER, ChargeCategory.SURCHARGE, "FUSF", "Federal USF", "90.00", YearMonth.of(2026, 8));
        assertEquals(List.of(), new TaxAndSurchargeDetector(config()).detect(book));
    }

    @Test
    void taxOnAnExemptServiceIsFlaggedWhateverTheLineCallsItsType() {
        line("INV-1", "DIA-1", ServiceType.DIA, ChargeCategory.RECURRING, null, "internet", "900.00", FEB);
        // the tax line carries no type of its own: the service's lines give it
        line("INV-1", "DIA-1", ServiceType.OTHER, ChargeCategory.TAX, "STATE", "State sales tax", "54.00", FEB);
        line("INV-1", "DIA-1", ServiceType.OTHER, ChargeCategory.SURCHARGE, "FUSF", "Federal USF", "12.00", FEB);
        line("INV-1", "PBX-1", ServiceType.PRI, ChargeCategory.RECURRING, null, "trunk", "400.00", FEB);
        line("INV-1", "PBX-1", ServiceType.OTHER, ChargeCategory.TAX, "STATE", "State sales tax", "24.00", FEB); // taxable: fine
        line("INV-1", "GOV-1", ServiceType.PRI, ChargeCategory.RECURRING, null, "trunk", "400.00", FEB);
        line("INV-1", "GOV-1", ServiceType.OTHER, ChargeCategory.TAX, "STATE", "State sales tax", "24.00", FEB);
        List<Finding> findings = new TaxAndSurchargeDetector(config("GOV-1")).detect(book);
        assertEquals(List.of("tax-on-exempt-service DIA-1 66.00 USD", "tax-on-exempt-service GOV-1 24.00 USD"),
                findings.stream().map(f -> f.kind() + " " + f.serviceId() + " " + f.monthlyImpact()).toList());
        assertTrue(findings.get(0).explanation().contains("is DIA, a type configured as exempt"), findings.get(0).explanation());
        assertTrue(findings.get(1).explanation().contains("GOV-1 is configured as exempt"), findings.get(1).explanation());
    }

    /**
     * Local business lines: 10 lines at 45.00 (intrastate), their federal subscriber line charges at 9.20 (interstate) and
     * 60.00 of long distance: interstate 92 + 60 = 152.00, cap 57.15 at 37.6%. A carrier that takes the whole bill
     * (602.00, cap 226.35) as interstate bills far more than the cap and stays under its own.
     */
    private void localBill(String invoice, String usf) {
        for (int n = 1; n <= 10; n++) {
            line(invoice, "LINE-" + n, ServiceType.VOICE_LINE, ChargeCategory.RECURRING, null, "business line", "45.00", FEB);
            book.lines.set(book.lines.size() - 1, book.lines.get(book.lines.size() - 1).toBuilder().chargeCode("1FB").build());
            line(invoice, "LINE-" + n, ServiceType.VOICE_LINE, ChargeCategory.RECURRING, null, "federal subscriber line charge", "9.20", FEB);
            book.lines.set(book.lines.size() - 1, book.lines.get(book.lines.size() - 1).toBuilder().chargeCode("SLC").build());
        }
        line(invoice, "LINE-1", ServiceType.VOICE_LINE, ChargeCategory.USAGE, null, "long distance", "60.00", FEB);
        line(invoice, null, ServiceType.OTHER, ChargeCategory.SURCHARGE, "FUSF", "Federal Universal Service Fee", usf, FEB);
    }

    @Test
    void usfOnLocalLinesIsCappedByTheInterstateChargesNotTheWholeBill() {
        localBill("LOCAL-OK", "57.15");      // control: the cap of the interstate charges
        localBill("LOCAL-INFLATED", "200.00"); // anomaly: under the whole bill's cap, far above the interstate one
        List<Finding> findings = new TaxAndSurchargeDetector(config()).detect(book);
        assertEquals(List.of("LOCAL-INFLATED"), findings.stream().map(f -> f.evidence().get(0).invoiceNumber()).toList());
        assertEquals(Money.of("142.85", "USD"), findings.get(0).monthlyImpact());
        assertTrue(findings.get(0).explanation().contains("152.00 USD (by the jurisdiction of each charge)"), findings.get(0).explanation());
    }

    @Test
    void theBasisABillStatesIsUsedForTheCap() {
        // the bill says its USF was computed on 100.00 of interstate revenue (TXI08): the cap is 37.60
        billWithUsf("STATED", "40.00");
        int usf = book.lines.size() - 2;
        book.lines.set(usf, book.lines.get(usf).toBuilder().quantity(new BigDecimal("100.00")).unit("BASIS").build());
        billWithUsf("STATED-OK", "37.60"); // control: at the stated basis's cap
        book.lines.set(book.lines.size() - 2, book.lines.get(book.lines.size() - 2).toBuilder().quantity(new BigDecimal("100.00")).unit("BASIS")
                .build());
        List<Finding> findings = new TaxAndSurchargeDetector(config()).detect(book);
        assertEquals(List.of("STATED"), findings.stream().map(f -> f.evidence().get(0).invoiceNumber()).toList());
        assertEquals(Money.of("2.40", "USD"), findings.get(0).monthlyImpact());
        assertTrue(findings.get(0).explanation().contains("(the basis the bill states)"), findings.get(0).explanation());
    }

    @Test
    void aMalformedJurisdictionRuleIsRefusedWithTheSettingNamed() {
        TaxAndSurchargeDetector.Config defaults = ConfigDefaults.of(TaxAndSurchargeDetector.Config.class);
        TaxAndSurchargeDetector.Config bad = new TaxAndSurchargeDetector.Config() {
            public String[] contributionFactors() { return defaults.contributionFactors(); }
            public String[] jurisdictions() { return new String[] {"VOICE/RECURRING=0"}; }
            public String usfPattern() { return defaults.usfPattern(); }
            public String[] exemptServiceTypes() { return defaults.exemptServiceTypes(); }
            public String[] exemptServices() { return defaults.exemptServices(); }
            public double tolerance() { return 0.01; }
            public Class<? extends Annotation> annotationType() { return TaxAndSurchargeDetector.Config.class; }
        };
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new TaxAndSurchargeDetector(bad));
        assertTrue(error.getMessage().startsWith("jurisdictions: expected code:REGEX=fraction or TYPE/CATEGORY=fraction"), error.getMessage());
        assertTrue(error.getMessage().endsWith("found 'VOICE/RECURRING=0'"), error.getMessage());
    }

    @Test
    void aMalformedFactorIsRefusedWithTheSettingNamed() {
        TaxAndSurchargeDetector.Config bad = new TaxAndSurchargeDetector.Config() {
            public String[] contributionFactors() { return new String[] {"2026Q1:0.376"}; }
            public String[] jurisdictions() { return new String[] {"*/*=1"}; }
            public String usfPattern() { return "FUSF"; }
            public String[] exemptServiceTypes() { return new String[0]; }
            public String[] exemptServices() { return new String[0]; }
            public double tolerance() { return 0.01; }
            public Class<? extends Annotation> annotationType() { return TaxAndSurchargeDetector.Config.class; }
        };
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new TaxAndSurchargeDetector(bad));
        assertEquals("contributionFactors: expected KEY=fraction between 0 and 1, found '2026Q1:0.376'", error.getMessage());
    }
}
