package org.bridgeline.core.internal;

import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.core.BookService;
import org.bridgeline.core.PluginRegistry;
import org.bridgeline.store.BookStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Hands out views of the book over the store, with the benchmark providers registered at the time of the call. */
@Component(service = BookService.class)
public final class BookServiceImpl implements BookService {

    private final BookStore store;
    private final PluginRegistry registry;
    private final PolicyConfiguration policy;

    @Activate
    public BookServiceImpl(@Reference BookStore store, @Reference PluginRegistry registry, @Reference PolicyConfiguration policy) {
        this.store = store;
        this.registry = registry;
        this.policy = policy;
    }

    @Override
    public BookOfBusiness book(String tenant, String carrier) {
        return store.book(tenant, carrier, new ProviderMarket(registry.benchmarkProviders(), policy.current()));
    }
}
