package org.bridgeline.store;

import java.util.List;
import org.bridgeline.api.model.ChargeLine;
import org.osgi.annotation.versioning.ProviderType;

/** Lines a {@link LineEncoder} made ready: read only by a writer of the store that encoded them. */
@ProviderType
public interface EncodedLines {

    /** How many lines. */
    long count();

    /** Lines kept as they are ({@link LineEncoder#unencoded()}): any writer takes them one by one. */
    record Unencoded(List<ChargeLine> lines) implements EncodedLines {

        public Unencoded {
            lines = List.copyOf(lines);
        }

        @Override
        public long count() {
            return lines.size();
        }
    }
}
