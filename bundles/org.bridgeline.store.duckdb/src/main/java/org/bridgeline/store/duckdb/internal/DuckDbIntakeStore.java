package org.bridgeline.store.duckdb.internal;

import org.bridgeline.store.IntakeStore;
import org.bridgeline.store.jdbc.SqlIntakeStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The intake role on DuckDB: one runtime writes the file, so its claims need no row locks. */
@Component(service = IntakeStore.class)
public final class DuckDbIntakeStore extends SqlIntakeStore {

    @Activate
    public DuckDbIntakeStore(@Reference DuckDbDatabase database) {
        super(database);
    }
}
