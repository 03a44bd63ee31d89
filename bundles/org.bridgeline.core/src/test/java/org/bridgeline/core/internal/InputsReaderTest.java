package org.bridgeline.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ContractService;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.PostTermRule;
import org.bridgeline.api.model.ServiceOrder;
import org.bridgeline.api.model.ServiceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsReaderTest {

    @TempDir
    Path folder;

    /** The form before service schedules, waivers and post-term rules: it still imports, month to month after the term. */
    @Test
    void aContractReadsTheSameFromJsonAndFromCsv() throws Exception {
        Path json = Files.writeString(folder.resolve("acme.json"), """
                { "contracts": [ { "carrier": "Acme Telecom", "contractId": "MSA-1", "termStart": "2024-01-01", "termEnd": "2026-12-31",
                  "autoRenewal": true, "renewalTermMonths": 12, "committedSpend": "120000", "currency": "USD",
                  "sla": { "availabilityPercent": "99.99", "timeToRepairHours": 4, "creditPercent": "10" },
                  "rates": [ { "serviceType": "DIA", "chargeCode": "DIA100", "bandwidthMbps": "100", "category": "RECURRING", "rate": "750.00" },
                             { "serviceType": "LONG_DISTANCE", "category": "USAGE", "rate": "0.02", "unit": "MIN" } ] } ] }
                """);
        Path csv = Files.writeString(folder.resolve("acme.csv"), """
                carrier,contract_id,term_start,term_end,auto_renewal,renewal_months,committed_spend,currency,sla_availability,sla_repair_hours,sla_credit_percent,service_type,charge_code,bandwidth_mbps,category,rate,unit
                Acme Telecom,MSA-1,2024-01-01,2026-12-31,true,12,120000,USD,99.99,4,10,DIA,DIA100,100,RECURRING,750.00,
                Acme Telecom,MSA-1,2024-01-01,2026-12-31,true,12,120000,USD,99.99,4,10,LONG_DISTANCE,,,USAGE,0.02,MIN
                """);
        List<Contract> fromJson = InputsReader.contracts(json);
        assertEquals(fromJson, InputsReader.contracts(csv));
        Contract contract = fromJson.get(0);
        assertEquals(LocalDate.of(2026, 12, 31), contract.term().end());
        assertEquals(Duration.ofHours(4), contract.sla().timeToRepair());
        assertEquals(Money.of("120000", "USD"), contract.committedSpend());
        assertEquals(2, contract.rates().size());
        assertEquals(ServiceType.DIA, contract.rates().get(0).serviceType());
        assertEquals(ChargeCategory.USAGE, contract.rates().get(1).category());
        assertEquals("MIN", contract.rates().get(1).unit());
        assertEquals(PostTermRule.MONTH_TO_MONTH, contract.postTerm());
        assertEquals(List.of(), contract.services());
    }

    @Test
    void anAgreementWithAServiceScheduleAndAPostTermRuleReadsTheSameFromJsonAndFromCsv() throws Exception {
        Path json = Files.writeString(folder.resolve("msa.json"), """
                { "contracts": [ { "carrier": "Meridian", "contractId": "MSA-9", "termStart": "2023-01-01", "termEnd": "2027-12-31",
                  "currency": "USD", "lateFeesWaived": true,
                  "postTerm": { "rule": "UPLIFT", "upliftPercent": 10 },
                  "rates": [ { "serviceType": "DIA", "chargeCode": "DIA100", "bandwidthMbps": 100, "rate": "650.00" } ],
                  "services": [
                    { "serviceId": "CKT-1", "termStart": "2022-07-01", "termMonths": 36 },
                    { "serviceType": "DIA", "site": "Remote", "termStart": "2023-01-01", "termEnd": "2025-12-31",
                      "rates": [ { "serviceType": "DIA", "chargeCode": "DIA100", "bandwidthMbps": 100, "rate": "702.00" } ] } ] } ] }
                """);
        Path csv = Files.writeString(folder.resolve("msa.csv"), """
                carrier,contract_id,term_start,term_end,currency,late_fees_waived,post_term,post_term_uplift_percent,service_id,service_type,site,service_term_start,service_term_end,service_term_months,charge_code,bandwidth_mbps,rate
                Meridian,MSA-9,2023-01-01,2027-12-31,USD,yes,UPLIFT,10,,DIA,,,,,DIA100,100,650.00
                Meridian,MSA-9,2023-01-01,2027-12-31,USD,yes,UPLIFT,10,CKT-1,,,2022-07-01,,36,,,
                Meridian,MSA-9,2023-01-01,2027-12-31,USD,yes,UPLIFT,10,,DIA,Remote,2023-01-01,2025-12-31,,DIA100,100,702.00
                """);
        List<Contract> fromJson = InputsReader.contracts(json);
        assertEquals(fromJson, InputsReader.contracts(csv));
        Contract contract = fromJson.get(0);
        assertEquals(true, contract.lateFeesWaived());
        assertEquals(PostTermRule.uplift(new java.math.BigDecimal("10")), contract.postTerm());
        assertEquals(2, contract.services().size());
        ContractService circuit = contract.services().get(0);
        assertEquals(LocalDate.of(2025, 6, 30), circuit.term().end(), "36 months from 1 July 2022");
        assertEquals(Money.of("702.00", "USD"), contract.services().get(1).rates().get(0).rate());
        // the circuit past its own term may cost 10 % more; the remote site's circuit is priced by its schedule entry
        assertEquals(Money.of("715.00", "USD"), contract.priceFor("CKT-1", "HQ", ServiceType.DIA, "DIA100", new java.math.BigDecimal("100"),
                LocalDate.of(2025, 8, 1)).orElseThrow().allowed());
        assertEquals(Money.of("702.00", "USD"), contract.priceFor("CKT-7", "Remote", ServiceType.DIA, "DIA100",
                new java.math.BigDecimal("100"), LocalDate.of(2025, 8, 1)).orElseThrow().allowed());

        Path noPercent = Files.writeString(folder.resolve("bad.json"), """
                { "contracts": [ { "carrier": "Meridian", "contractId": "MSA-9", "termStart": "2023-01-01", "termEnd": "2027-12-31",
                  "currency": "USD", "postTerm": { "rule": "UPLIFT" } } ] }
                """);
        assertEquals("bad.json contracts[0].postTerm: field \"upliftPercent\": expected a value, found nothing",
                assertThrows(InputsReader.BadInput.class, () -> InputsReader.contracts(noPercent)).getMessage());
        Path noTerm = Files.writeString(folder.resolve("noterm.json"), """
                { "contracts": [ { "carrier": "Meridian", "contractId": "MSA-9", "termStart": "2023-01-01", "termEnd": "2027-12-31",
                  "currency": "USD", "services": [ { "serviceId": "CKT-1", "termStart": "2022-07-01" } ] } ] }
                """);
        assertEquals("noterm.json contracts[0].services[0]: fields \"termEnd\" or \"termMonths\": expected the service's term end or its "
                + "length in months, found neither", assertThrows(InputsReader.BadInput.class, () -> InputsReader.contracts(noTerm)).getMessage());
    }

    @Test
    void aCsvListPriceRowBelongsToTheListPriceRuleAndNeedsIt() throws Exception {
        Path csv = Files.writeString(folder.resolve("orbit.csv"), """
                carrier,contract_id,term_start,term_end,currency,post_term,rate_role,service_type,charge_code,rate
                Orbit,OM-1,2023-07-01,2025-06-30,USD,LIST_PRICE,,WIRELESS,WLPLAN,55.00
                Orbit,OM-1,2023-07-01,2025-06-30,USD,LIST_PRICE,LIST,WIRELESS,WLPLAN,62.00
                """);
        Contract contract = InputsReader.contracts(csv).get(0);
        assertEquals(List.of(Money.of("55.00", "USD")), contract.rates().stream().map(r -> r.rate()).toList());
        assertEquals(Money.of("62.00", "USD"), contract.postTerm().listPrices().get(0).rate());
        Files.writeString(csv, Files.readString(csv).replace("LIST_PRICE,LIST,", "HOLD,LIST,").replace("LIST_PRICE,,", "HOLD,,"));
        assertEquals("orbit.csv: contract OM-1: rows with rate_role LIST are list prices, expected post_term LIST_PRICE, found HOLD",
                assertThrows(InputsReader.BadInput.class, () -> InputsReader.contracts(csv)).getMessage());
    }

    @Test
    void inventoryWithFeaturesAndFeatureOrdersRead() throws Exception {
        Path inventory = Files.writeString(folder.resolve("inventory.csv"), """
                carrier,service_id,site,service_type,bandwidth_mbps,status,features,expected_monthly,currency,install_date,term_months,disconnect_date
                Keystone,2155550101,HQ,VOICE_LINE,,,1FB; SLC;VM,62.20,USD,2023-03-01,36,
                Keystone,2155550102,HQ,VOICE_LINE,,,1FB;SLC,,,,,2025-05-10
                """);
        var services = InputsReader.inventory(inventory);
        assertEquals(List.of("1FB", "SLC", "VM"), services.get(0).features());
        assertEquals(Money.of("62.20", "USD"), services.get(0).expectedMonthly());
        assertEquals(36, services.get(0).termMonths());
        assertEquals("DISCONNECTED", services.get(1).status(), "a disconnect date without a status");
        Path orders = Files.writeString(folder.resolve("orders.csv"), """
                order_id,carrier,service_id,kind,effective,detail,feature
                O-1,Keystone,2155550101,ADD_FEATURE,2025-04-10,hunting for the sales team,HUNT
                O-2,Keystone,2155550102,REMOVE_FEATURE,2025-05-01,,
                """);
        assertEquals("orders.csv row 3: field \"feature\": expected the charge code a REMOVE_FEATURE order adds or removes, found nothing",
                assertThrows(InputsReader.BadInput.class, () -> InputsReader.orders(orders)).getMessage());
        Files.writeString(orders, Files.readString(orders).replace("REMOVE_FEATURE,2025-05-01,,", "REMOVE_FEATURE,2025-05-01,,CID"));
        List<ServiceOrder> read = InputsReader.orders(orders);
        assertEquals("HUNT", read.get(0).feature());
        assertEquals(ServiceOrder.Kind.REMOVE_FEATURE, read.get(1).kind());
    }

    @Test
    void mistakesNameTheRowAndTheField() throws Exception {
        Path csv = Files.writeString(folder.resolve("bad.csv"), """
                carrier,contract_id,term_start,term_end,currency,service_type,category,rate
                Acme,MSA-1,2024-01-01,2023-12-31,USD,DIA,RECURRING,750
                """);
        assertEquals("bad.csv row 2: field \"term_end\": expected a date after the term start 2024-01-01, found 2023-12-31",
                assertThrows(InputsReader.BadInput.class, () -> InputsReader.contracts(csv)).getMessage());
        Path orders = Files.writeString(folder.resolve("orders.csv"), """
                order_id,carrier,service_id,kind,effective
                O-1,Acme,CKT-1,DISCONNECT,2026-02-15
                O-2,Acme,CKT-2,REMOVE,2026-02-15
                """);
        assertEquals("orders.csv row 3: field \"kind\": expected one of [INSTALL, CHANGE, DISCONNECT, ADD_FEATURE, REMOVE_FEATURE], found \"REMOVE\"",
                assertThrows(InputsReader.BadInput.class, () -> InputsReader.orders(orders)).getMessage());
    }

    @Test
    void inventoryAndOrdersRead() throws Exception {
        Path inventory = Files.writeString(folder.resolve("inventory.csv"), """
                carrier,service_id,site,service_type,bandwidth_mbps,status
                Acme,CKT-1,HQ,DIA,100,active
                Acme,CKT-2,Branch,MPLS,,DISCONNECTED
                """);
        var services = InputsReader.inventory(inventory);
        assertEquals(2, services.size());
        assertEquals("ACTIVE", services.get(0).status());
        assertEquals(ServiceType.MPLS, services.get(1).serviceType());
        Path orders = Files.writeString(folder.resolve("orders.csv"), """
                order_id,carrier,service_id,kind,effective,detail
                O-1,Acme,CKT-2,DISCONNECT,2026-02-15,moved branch
                """);
        ServiceOrder order = InputsReader.orders(orders).get(0);
        assertEquals(ServiceOrder.Kind.DISCONNECT, order.kind());
        assertEquals(LocalDate.of(2026, 2, 15), order.effective());
    }

    @Test
    void requirementsReadTheSameFromCsvAndJsonAndNameTheirMistakes() throws Exception {
        Path csv = Files.writeString(folder.resolve("requirements.csv"), """
                site,service_type,bandwidth_mbps,needed_by,availability_percent,time_to_repair_hours,notes
                SITE-001,DIA,1000,2026-06-30,99.95,4,"upgrade, video"
                SITE-NEW,MPLS,,2026-09-01,,,
                """);
        Path json = Files.writeString(folder.resolve("requirements.json"), """
                {"requirements": [
                  {"site": "SITE-001", "serviceType": "DIA", "bandwidthMbps": 1000, "neededBy": "2026-06-30",
                   "availabilityPercent": 99.95, "timeToRepairHours": 4, "notes": "upgrade, video"},
                  {"site": "SITE-NEW", "serviceType": "MPLS", "neededBy": "2026-09-01"}]}
                """);
        var fromCsv = InputsReader.requirements(csv);
        assertEquals(fromCsv, InputsReader.requirements(json));
        assertEquals(Duration.ofHours(4), fromCsv.get(0).sla().timeToRepair());
        assertEquals(ServiceType.MPLS, fromCsv.get(1).serviceType());
        Path bad = Files.writeString(folder.resolve("bad.csv"), """
                site,service_type,bandwidth_mbps,needed_by,availability_percent,time_to_repair_hours,notes
                SITE-001,DIA,1000,30/06/2026,99.95,4,
                """);
        InputsReader.BadInput error = org.junit.jupiter.api.Assertions.assertThrows(InputsReader.BadInput.class,
                () -> InputsReader.requirements(bad));
        assertEquals("bad.csv row 2: field \"needed_by\": expected a date as yyyy-MM-dd, found \"30/06/2026\"", error.getMessage());
    }
}
