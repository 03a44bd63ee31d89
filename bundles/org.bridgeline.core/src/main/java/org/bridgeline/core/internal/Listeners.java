package org.bridgeline.core.internal;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Tells whiteboard listeners of something core did: each in turn, a failing one logged, never failing the work or the rest. */
final class Listeners {

    @FunctionalInterface
    interface Call<T> {
        void tell(T listener) throws Exception;
    }

    private Listeners() {
    }

    static <T> void tellEach(List<T> listeners, Logger log, String after, Call<T> call) {
        for (T listener : listeners) {
            try {
                call.tell(listener);
            } catch (Exception | LinkageError e) {
                log.log(Level.WARNING, after + ": " + listener.getClass().getName() + " failed; the work stands", e);
            }
        }
    }
}
