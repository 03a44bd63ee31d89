package org.bridgeline.store.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridgeline.api.benchmark.BenchmarkCoverage;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.ProcurementPolicy;
import org.bridgeline.enterprise.GeneratedEnterprise;
import org.bridgeline.store.InvoiceWriter;
import org.bridgeline.store.LineEncoder;
import org.bridgeline.store.Market;
import org.bridgeline.store.StoreException;

/** Writing test data into a store's roles as the runtime's import and input services do: bills one transaction per invoice, then inputs. */
public final class StoreWrites {

    /** Lines a batch, small enough that an invoice of the generated enterprises spans several. */
    private static final int BATCH = 64;

    /** No benchmarks and the default policy: these tests read the store's own data. */
    public static final Market NO_MARKET = new Market() {
        @Override
        public List<Benchmark> benchmarks(BenchmarkQuery query) {
            return List.of();
        }

        @Override
        public List<BenchmarkCoverage> benchmarkCoverage() {
            return List.of();
        }

        @Override
        public ProcurementPolicy policy() {
            return ProcurementPolicy.DEFAULT;
        }
    };

    private StoreWrites() {
    }

    /** Imports the lines into the stores as one file, one transaction per invoice. Returns the import id. */
    public static long importLines(Stores stores, String tenant, String contentHash, List<ChargeLine> lines) throws StoreException {
        Map<List<String>, List<ChargeLine>> invoices = new LinkedHashMap<>();
        for (ChargeLine line : lines) {
            invoices.computeIfAbsent(List.of(line.carrier(), line.account(), line.invoiceNumber()), k -> new ArrayList<>()).add(line);
        }
        long importId = stores.imports().beginImport(tenant, contentHash + ".csv", contentHash, "contract");
        for (List<ChargeLine> invoice : invoices.values()) {
            // as an import does: lines encoded ahead of the writer, written a batch at a time
            InvoiceHeader header = header(invoice.get(0));
            LineEncoder encoder = stores.imports().lineEncoder(tenant, header);
            try (InvoiceWriter writer = stores.imports().writeInvoice(tenant, importId, header)) {
                int encoded = 0;
                for (ChargeLine line : invoice) {
                    encoder.add(line);
                    if (++encoded % BATCH == 0) {
                        writer.append(encoder.take());
                    }
                }
                writer.append(encoder.take());
                writer.commit(null);
            }
        }
        stores.imports().finishImport(tenant, importId);
        return importId;
    }

    /** Writes an enterprise's bills and inputs into the stores for a tenant. */
    public static void write(Stores stores, String tenant, GeneratedEnterprise enterprise) throws StoreException {
        importLines(stores, tenant, enterprise.generator() + "-" + enterprise.seed(), enterprise.lines());
        stores.inputs().saveContracts(tenant, "contracts.json", enterprise.contracts());
        stores.inputs().saveExpectedInventory(tenant, "inventory.csv", enterprise.expectedInventory());
        stores.inputs().saveOrders(tenant, "orders.csv", enterprise.orders());
        stores.inputs().saveRequirements(tenant, "requirements.csv", enterprise.requirements());
    }

    static InvoiceHeader header(ChargeLine first) {
        return new InvoiceHeader(first.carrier(), first.account(), first.subAccount(), first.invoiceNumber(), first.invoiceDate(),
                first.billingPeriod(), first.amount().currency(), first.source());
    }
}
