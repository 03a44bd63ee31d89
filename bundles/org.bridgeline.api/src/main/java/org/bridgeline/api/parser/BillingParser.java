package org.bridgeline.api.parser;

import java.io.IOException;
import java.io.InputStream;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reads one carrier bill format into invoices and charge lines.
 *
 * <p><b>What a parser must do.</b> Register as a service of this interface (a Declarative
 * Services {@code @Component}). {@link #probe} looks only at the sample it is given and answers
 * fast. {@link #parse} reads the stream once, front to back, and hands each invoice and line to
 * the sink as soon as it is read: it never buffers the whole file, so memory stays flat however
 * large the bill. Every line carries its {@link org.bridgeline.api.model.SourcePosition}. A record
 * that cannot be read is reported with {@link ParseSink#problem} (position, field, expected,
 * found) and never silently skipped or half-imported. A parser keeps no state between calls:
 * core may parse several files at once with the same instance.
 *
 * <p><b>What a parser may rely on.</b> The stream is buffered and closed by core. Core checks
 * required fields, reconciles lines against stated totals, and imports each invoice whole or
 * not at all. Core catches anything a parser throws and reports it against the file; an
 * exception never takes the runtime down, but it fails the file, so report problems instead.
 */
@ConsumerType
public interface BillingParser {

    /** Who this parser is. Constant for the life of the service. */
    ParserInfo info();

    /** How sure this parser is that it can read the file the sample comes from. Never throws. */
    Confidence probe(FileSample sample);

    /**
     * Parses a whole file into the sink.
     *
     * @param fileName the file's name, for source positions
     * @param input    the file's bytes, from the start
     * @param sink     where invoices, lines and problems go
     * @throws IOException only when reading the stream fails; format errors go to the sink
     */
    void parse(String fileName, InputStream input, ParseSink sink) throws IOException;
}
