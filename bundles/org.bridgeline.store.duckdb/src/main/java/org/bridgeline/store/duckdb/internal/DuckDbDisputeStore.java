package org.bridgeline.store.duckdb.internal;

import org.bridgeline.store.DisputeStore;
import org.bridgeline.store.jdbc.SqlDisputeStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The dispute role on DuckDB. */
@Component(service = DisputeStore.class)
public final class DuckDbDisputeStore extends SqlDisputeStore {

    @Activate
    public DuckDbDisputeStore(@Reference DuckDbDatabase database) {
        super(database);
    }
}
