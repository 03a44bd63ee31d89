package org.bridgeline.store.duckdb.internal;

import java.nio.file.Path;
import java.util.List;
import org.bridgeline.api.benchmark.BenchmarkCoverage;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ProcurementPolicy;
import org.bridgeline.store.Ledger;
import org.bridgeline.store.Market;
import org.bridgeline.store.Tenants;

/** The store's roles over one database file, wired as the runtime wires them, for tests of the SQL behind each. */
final class OpenStore {

    /** No benchmarks, the default policy: the store's own data is what these tests read. */
    static final Market NO_MARKET = new Market() {
        public List<Benchmark> benchmarks(BenchmarkQuery query) {
            return List.of();
        }

        public List<BenchmarkCoverage> benchmarkCoverage() {
            return List.of();
        }

        public ProcurementPolicy policy() {
            return ProcurementPolicy.DEFAULT;
        }
    };

    final DuckDbDatabase database;
    final DuckDbImportStore imports;
    final DuckDbAuditStore audits;
    final DuckDbInputStore inputs;
    final DuckDbBookStore books;
    final DuckDbTenantStore tenants;
    final DuckDbIntakeStore intake;
    final DuckDbDisputeStore disputes;

    OpenStore(Path file) {
        database = new DuckDbDatabase(file);
        imports = new DuckDbImportStore(database);
        audits = new DuckDbAuditStore(database);
        inputs = new DuckDbInputStore(database);
        books = new DuckDbBookStore(database);
        tenants = new DuckDbTenantStore(database);
        intake = new DuckDbIntakeStore(database);
        disputes = new DuckDbDisputeStore(database);
    }

    /** The default tenant's ledger. */
    Ledger ledger() {
        return books.ledger(Tenants.DEFAULT);
    }

    /** The default tenant's book. */
    BookOfBusiness book() {
        return books.book(Tenants.DEFAULT, null, NO_MARKET);
    }

    void close() {
        database.close();
    }

    Path file() {
        return database.file();
    }
}
