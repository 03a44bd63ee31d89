package org.bridgeline.dashboard;

import java.nio.file.Path;

/**
 * A file a view offers below its address, sent as it is (not within the shell's page): a report
 * page, a CSV to download. The shell sends it with scripts forbidden.
 *
 * @param path        the file
 * @param contentType its media type, {@code text/html}, {@code text/csv}
 * @param download    whether the browser saves it rather than shows it
 */
public record ViewFile(Path path, String contentType, boolean download) {
}
