package org.bridgeline.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives are read entry by entry, and an entry that expands without end is stopped, not read into the heap. */
class ImportSourceTest {

    @TempDir
    Path folder;

    @Test
    void anEntryExpandingFarBeyondItsCompressedSizeIsRefusedAsItIsRead() throws Exception {
        Path bomb = folder.resolve("bills.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("june.csv"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros); // 64 MiB of zeros compress to about 64 KiB
            }
            zip.closeEntry();
        }
        List<ImportSource> sources = ImportSource.at(bomb);
        assertEquals(1, sources.size());
        IOException refused = assertThrows(IOException.class, () -> {
            try (InputStream in = sources.get(0).open()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        });
        assertTrue(refused.getMessage().startsWith("bills.zip!/june.csv: expands beyond") && refused.getMessage().contains("zip bomb"),
                refused.getMessage());
    }

    @Test
    void anOrdinaryArchiveIsReadWhole() throws Exception {
        Path archive = folder.resolve("ok.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new ZipEntry("a.csv"));
            zip.write("carrier,amount\nAcme,1.00\n".repeat(1000).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        try (InputStream in = ImportSource.at(archive).get(0).open()) {
            assertEquals(25_000, in.readAllBytes().length);
        }
    }
}
