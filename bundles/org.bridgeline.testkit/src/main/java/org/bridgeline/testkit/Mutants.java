package org.bridgeline.testkit;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

/**
 * Seeded damage to a good file, the kinds transfers, editors and exports do: flipped bytes, a cut, a span written twice
 * or lost, NUL bytes, a line far longer than any record, a byte-order mark, line ends changed. Mutant {@code n} of seed
 * {@code s} is always the same bytes, so a failure names what to replay.
 */
final class Mutants {

    /** One damaged copy and what was done to it. */
    record Mutant(int number, String damage, byte[] bytes) {
    }

    private static final int HUGE_LINE = 1 << 20;

    private final byte[] good;
    private final long seed;

    Mutants(byte[] good, long seed) {
        this.good = good;
        this.seed = seed;
    }

    Mutant mutant(int number) {
        Random random = new Random(seed * 1_000_003L + number);
        int length = good.length;
        if (length == 0) {
            return new Mutant(number, "empty", good);
        }
        int at = random.nextInt(length);
        return switch (number % 9) {
            case 0 -> flipped(number, random);
            case 1 -> new Mutant(number, "cut at byte " + at, Arrays.copyOf(good, at));
            case 2 -> {
                int span = 1 + random.nextInt(Math.min(length - at, 400));
                yield new Mutant(number, "bytes " + at + ".." + (at + span) + " written twice", splice(at + span, 0, Arrays.copyOfRange(good, at, at + span)));
            }
            case 3 -> {
                int span = 1 + random.nextInt(Math.min(length - at, 400));
                yield new Mutant(number, "bytes " + at + ".." + (at + span) + " lost", splice(at, span, new byte[0]));
            }
            case 4 -> new Mutant(number, (1 + random.nextInt(16)) + " NUL bytes at byte " + at, splice(at, 0, new byte[1 + random.nextInt(16)]));
            case 5 -> {
                byte[] line = new byte[HUGE_LINE];
                byte fill = (byte) "9A,;\t\" ".charAt(random.nextInt(7));
                Arrays.fill(line, fill);
                yield new Mutant(number, "a line of " + HUGE_LINE + " '" + (char) fill + "' at byte " + at, splice(at, 0, line));
            }
            case 6 -> {
                boolean utf16 = random.nextBoolean();
                byte[] bom = utf16 ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
                yield new Mutant(number, (utf16 ? "a UTF-16LE" : "a UTF-8") + " byte-order mark first", splice(0, 0, bom));
            }
            case 7 -> new Mutant(number, "line ends as CR only", lineEnds());
            default -> {
                Mutant flipped = flipped(number, random);
                int cut = random.nextInt(flipped.bytes().length + 1);
                yield new Mutant(number, flipped.damage() + ", then cut at byte " + cut, Arrays.copyOf(flipped.bytes(), cut));
            }
        };
    }

    private Mutant flipped(int number, Random random) {
        byte[] copy = good.clone();
        int flips = 1 + random.nextInt(8);
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(copy.length);
            copy[at] ^= (byte) (1 << random.nextInt(8));
            where.append(i == 0 ? "" : ",").append(at);
        }
        return new Mutant(number, flips + " bits flipped at bytes " + where, copy);
    }

    private byte[] splice(int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(good.length + insert.length);
        out.write(good, 0, at);
        out.writeBytes(insert);
        out.write(good, at + remove, good.length - at - remove);
        return out.toByteArray();
    }

    private byte[] lineEnds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(good.length);
        for (byte b : good) {
            if (b != '\r') {
                out.write(b == '\n' ? '\r' : b);
            }
        }
        return out.toByteArray();
    }
}
