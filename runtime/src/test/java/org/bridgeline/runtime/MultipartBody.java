package org.bridgeline.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Files as a browser or {@code curl -F} uploads them: one multipart/form-data part per file. */
record MultipartBody(String contentType, byte[] bytes) {

    static MultipartBody of(List<Path> files) throws IOException {
        String boundary = "----bridgeline" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Path file : files) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(file));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new MultipartBody("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /**
     * The uploaded parts stored in the temporary folder the runtime shares with this JVM (the HTTP
     * whiteboard's commons-fileupload names them {@code upload_*.tmp}): what a finished request must not leave.
     */
    static java.util.Set<Path> storedParts() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().matches("upload_.*\\.tmp")).collect(java.util.stream.Collectors.toSet());
        }
    }

    /** The parts stored since {@code before} was taken. */
    static java.util.Set<Path> storedPartsSince(java.util.Set<Path> before) throws IOException {
        java.util.Set<Path> now = new java.util.TreeSet<>(storedParts());
        now.removeAll(before);
        return now;
    }
}
