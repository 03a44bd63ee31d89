package org.bridgeline.store.postgresql.internal;

import org.bridgeline.store.BookStore;
import org.bridgeline.store.jdbc.SqlBookStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Book role on PostgreSQL: the portable SQL over the hosted database, bound to the tenant per connection. */
@Component(service = BookStore.class)
public final class PostgresBookStore extends SqlBookStore {

    @Activate
    public PostgresBookStore(@Reference PostgresDatabase database) {
        super(database);
    }
}
