package org.bridgeline.store.duckdb.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.store.ImportRecord;
import org.bridgeline.store.ImportStore;
import org.bridgeline.store.InvoiceWriter;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredInvoice;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The import role on DuckDB: one transaction per invoice through the appender; an import cut short is resumed, not doubled. */
@Component(service = ImportStore.class)
public final class DuckDbImportStore implements ImportStore {

    private final DuckDbDatabase database;
    /** Imports resumed after a crash: their invoices already stored are kept, not stored again. */
    private final Set<Long> resumedImports = ConcurrentHashMap.newKeySet();

    @Activate
    public DuckDbImportStore(@Reference DuckDbDatabase database) {
        this.database = database;
    }

    @Override
    public String description() {
        return database.description();
    }

    @Override
    public Optional<ImportRecord> findImport(String tenant, String contentHash) throws StoreException {
        return database.with("cannot read imports", c -> Imports.read(c, tenant, "AND content_hash = ? AND finished", contentHash))
                .stream().findFirst();
    }

    @Override
    public long beginImport(String tenant, String fileName, String contentHash, String parserId) throws StoreException {
        return database.with("cannot record the import of " + fileName, c -> {
            Optional<Long> unfinished = Imports.unfinished(c, tenant, contentHash);
            if (unfinished.isPresent()) {
                resumedImports.add(unfinished.get());
                return unfinished.get();
            }
            return Imports.begin(c, tenant, fileName, contentHash, parserId);
        });
    }

    @Override
    public InvoiceWriter writeInvoice(String tenant, long importId, InvoiceHeader header) throws StoreException {
        if (resumedImports.contains(importId)) {
            Optional<StoredInvoice> stored = database.with("cannot read invoices", c -> Imports.stored(c, tenant, importId, header));
            if (stored.isPresent()) {
                return new AlreadyStoredWriter(stored.get());
            }
        }
        try {
            return new DuckDbInvoiceWriter(database.db(), tenant, importId, header);
        } catch (SQLException e) {
            throw DuckDbDatabase.failure("cannot begin invoice " + header.number(), e);
        }
    }

    @Override
    public ImportRecord finishImport(String tenant, long importId) throws StoreException {
        ImportRecord record = database.with("cannot finish import " + importId, c -> Imports.finish(c, tenant, importId));
        resumedImports.remove(importId);
        return record;
    }

    @Override
    public List<ImportRecord> imports(String tenant) throws StoreException {
        return database.with("cannot read imports", c -> Imports.read(c, tenant, ""));
    }
}
