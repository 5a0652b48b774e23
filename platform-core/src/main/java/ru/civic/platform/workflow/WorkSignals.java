package ru.civic.platform.workflow;

import java.util.function.Consumer;

import ru.civic.platform.tenancy.TenantId;

/**
 * Tells open staff screens, on every instance, that work moved in their tenant, so queues refresh without a
 * reload. Listeners run on a cluster thread: a UI must hand the work to its own session (e.g. {@code UI.access}).
 */
public interface WorkSignals {

    /** Listens to one tenant's signals until the returned registration is closed. */
    Registration subscribe(TenantId tenant, Consumer<WorkArrived> listener);

    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
