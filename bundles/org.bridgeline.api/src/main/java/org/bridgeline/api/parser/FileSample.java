package org.bridgeline.api.parser;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * The start of a file, for {@link BillingParser#probe}: its name and up to
 * {@link #MAX_HEAD_BYTES} first bytes (fewer when the file is shorter).
 *
 * @param fileName the file's name, without folders
 * @param head     the first bytes of the file; do not modify
 */
public record FileSample(String fileName, byte[] head) {

    /** How many bytes core reads for a sample. */
    public static final int MAX_HEAD_BYTES = 8192;

    public FileSample {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(head, "head");
    }

    /** The head decoded as text, for formats that are text. */
    public String headText(Charset charset) {
        return new String(head, charset);
    }
}
