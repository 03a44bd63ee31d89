package org.bridgeline.store.jdbc;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.store.EncodedLines;
import org.bridgeline.store.ImportRecord;
import org.bridgeline.store.ImportStore;
import org.bridgeline.store.InvoiceWriter;
import org.bridgeline.store.LineEncoder;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredInvoice;

/** The import role: one transaction per invoice through bulk rows; an import cut short is resumed, not doubled. */
public class SqlImportStore implements ImportStore {

    private final Database database;
    /** Imports resumed after a crash: their invoices already stored are kept, not stored again. */
    private final Set<Long> resumedImports = ConcurrentHashMap.newKeySet();

    public SqlImportStore(Database database) {
        this.database = database;
    }

    @Override
    public String description() {
        return database.description();
    }

    @Override
    public boolean ready() {
        return database.ready();
    }

    @Override
    public Optional<ImportRecord> findImport(String tenant, String contentHash) throws StoreException {
        return database.with(tenant, "cannot read imports", c -> Imports.read(c, tenant, "AND content_hash = ? AND finished", contentHash))
                .stream().findFirst();
    }

    @Override
    public long beginImport(String tenant, String fileName, String contentHash, String parserId) throws StoreException {
        return database.with(tenant, "cannot record the import of " + fileName, c -> {
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
            Optional<StoredInvoice> stored = database.with(tenant, "cannot read invoices", c -> Imports.stored(c, tenant, importId, header));
            if (stored.isPresent()) {
                return new AlreadyStoredWriter(stored.get());
            }
        }
        return new SqlInvoiceWriter(database, tenant, importId, header);
    }

    /** Where the engine encodes rows, the lines become rows on the caller's thread; else they are checked there and kept as they are. */
    @Override
    public LineEncoder lineEncoder(String tenant, InvoiceHeader header) {
        if (database.encodesRows()) {
            return new SqlLineEncoder(database.encoder("bl_line", SqlLineEncoder.OWNER_COLUMNS), header);
        }
        LineEncoder kept = LineEncoder.unencoded();
        return new LineEncoder() {
            @Override
            public void add(ChargeLine line) throws StoreException {
                LineColumns.check(line, header);
                kept.add(line);
            }

            @Override
            public EncodedLines take() {
                return kept.take();
            }
        };
    }

    @Override
    public ImportRecord finishImport(String tenant, long importId) throws StoreException {
        ImportRecord record = database.with(tenant, "cannot finish import " + importId, c -> Imports.finish(c, tenant, importId));
        resumedImports.remove(importId);
        return record;
    }

    @Override
    public List<ImportRecord> imports(String tenant) throws StoreException {
        return database.with(tenant, "cannot read imports", c -> Imports.read(c, tenant, ""));
    }
}
