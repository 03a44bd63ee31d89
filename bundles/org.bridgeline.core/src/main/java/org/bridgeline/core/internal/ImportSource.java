package org.bridgeline.core.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One file to import: a plain file, or an entry of a zip archive. Opened as often as needed
 * (once to hash, once to parse), each time from the start, never held in memory.
 */
abstract class ImportSource {

    /** The name reports and source positions use: the file's name, or {@code archive.zip!/entry}. */
    abstract String name();

    abstract long size();

    abstract InputStream open() throws IOException;

    /** Every importable file at a path: itself, the files below a folder (sorted), or a zip's entries. */
    static List<ImportSource> at(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("no file or folder at " + path);
        }
        List<ImportSource> sources = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                        .sorted().toList()) {
                    addFile(file, path.relativize(file).toString(), sources);
                }
            }
        } else {
            addFile(path, path.getFileName().toString(), sources);
        }
        return sources;
    }

    /** More entries than any carrier's archive holds: refused before one is read. */
    static final int MAX_ZIP_ENTRIES = 10_000;
    /** An entry may expand to this many times its compressed size (bills compress 5–20×), or 16 MiB, whichever is more. */
    static final long MAX_ZIP_RATIO = 200;
    static final long MIN_ZIP_ALLOWANCE = 16L << 20;

    private static void addFile(Path file, String name, List<ImportSource> sources) throws IOException {
        if (name.toLowerCase().endsWith(".zip")) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                if (zip.size() > MAX_ZIP_ENTRIES) {
                    throw new IllegalArgumentException(name + ": expected at most " + MAX_ZIP_ENTRIES + " entries in an archive, found "
                            + zip.size());
                }
                List<? extends ZipEntry> entries = Collections.list(zip.entries());
                for (ZipEntry entry : entries.stream().filter(e -> !e.isDirectory()).sorted(
                        java.util.Comparator.comparing(ZipEntry::getName)).toList()) {
                    sources.add(new ZipEntrySource(file, name, entry.getName(), entry.getSize(), entry.getCompressedSize()));
                }
            }
        } else {
            sources.add(new FileSource(file, name));
        }
    }

    private static final class FileSource extends ImportSource {
        private final Path file;
        private final String name;

        FileSource(Path file, String name) {
            this.file = file;
            this.name = name;
        }

        @Override
        String name() {
            return name;
        }

        @Override
        long size() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        InputStream open() throws IOException {
            return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        }
    }

    private static final class ZipEntrySource extends ImportSource {
        private final Path archive;
        private final String archiveName;
        private final String entry;
        private final long size;
        private final long allowance;

        ZipEntrySource(Path archive, String archiveName, String entry, long size, long compressedSize) {
            this.archive = archive;
            this.archiveName = archiveName;
            this.entry = entry;
            this.size = size;
            this.allowance = Math.max(MIN_ZIP_ALLOWANCE, Math.max(compressedSize, 0) * MAX_ZIP_RATIO);
        }

        @Override
        String name() {
            return archiveName + "!/" + entry;
        }

        @Override
        long size() {
            return size;
        }

        @Override
        InputStream open() throws IOException {
            ZipFile zip = new ZipFile(archive.toFile());
            ZipEntry found = zip.getEntry(entry);
            if (found == null) {
                zip.close();
                throw new IOException(name() + " is no longer in the archive");
            }
            // closing the stream closes the archive; what an entry expands to is counted as it is read, whatever it declares,
            // so an archive made to expand without end (a zip bomb) stops at its allowance instead of filling the heap
            return new BufferedInputStream(new java.io.FilterInputStream(zip.getInputStream(found)) {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > allowance) {
                        throw new IOException(name() + ": expands beyond " + allowance + " bytes, more than " + MAX_ZIP_RATIO
                                + " times its compressed size; refused as a zip bomb");
                    }
                }
            }, 1 << 16) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
        }
    }
}
