package org.bridgeline.store;

import java.util.ArrayList;
import java.util.List;
import org.bridgeline.api.model.ChargeLine;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One invoice's lines made ready for its {@link InvoiceWriter} on the thread that reads them, so the
 * store's thread only writes: an import's parser encodes the next batch while the store writes the
 * last. Lines are numbered in the order added. One encoder per invoice, used by one thread.
 */
@ProviderType
public interface LineEncoder {

    /**
     * Encodes the invoice's next line. A line the store cannot keep exactly (an amount beyond its
     * scale, a currency not the invoice's) is refused with the line's position and field, and
     * nothing of it is kept: the next line takes its number.
     */
    void add(ChargeLine line) throws StoreException;

    /** The lines encoded since the last call, for {@link InvoiceWriter#append(EncodedLines)}. */
    EncodedLines take();

    /** An encoder that keeps the lines as they are, for a writer that takes them one by one. */
    static LineEncoder unencoded() {
        return new LineEncoder() {
            private List<ChargeLine> lines = new ArrayList<>();

            @Override
            public void add(ChargeLine line) {
                lines.add(line);
            }

            @Override
            public EncodedLines take() {
                EncodedLines taken = new EncodedLines.Unencoded(lines);
                lines = new ArrayList<>();
                return taken;
            }
        };
    }
}
