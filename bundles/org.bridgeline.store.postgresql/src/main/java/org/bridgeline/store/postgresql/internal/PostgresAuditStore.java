package org.bridgeline.store.postgresql.internal;

import org.bridgeline.store.AuditStore;
import org.bridgeline.store.jdbc.SqlAuditStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Audit role on PostgreSQL: the portable SQL over the hosted database, bound to the tenant per connection. */
@Component(service = AuditStore.class)
public final class PostgresAuditStore extends SqlAuditStore {

    @Activate
    public PostgresAuditStore(@Reference PostgresDatabase database) {
        super(database);
    }
}
