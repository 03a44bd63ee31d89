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
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.ServiceOrder;
import org.bridgeline.api.model.ServiceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsReaderTest {

    @TempDir
    Path folder;

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
        assertEquals("orders.csv row 3: field \"kind\": expected one of [INSTALL, CHANGE, DISCONNECT], found \"REMOVE\"",
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
