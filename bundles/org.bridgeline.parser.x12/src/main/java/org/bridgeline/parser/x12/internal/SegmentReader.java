package org.bridgeline.parser.x12.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads X12 segments one at a time with the delimiters the ISA declares: the element separator
 * is the ISA's 4th character, the component separator its 105th and the segment terminator its
 * 106th. Line breaks after a terminator are allowed and ignored.
 */
final class SegmentReader {

    /** Room for the elements of any segment an 811 usually has (IT1 has the most, about 25). */
    private static final int ELEMENTS_USUAL = 32;

    static final int ISA_LENGTH = 106;

    private final Reader reader;
    /** Read a block at a time: a reader's own read() per character costs more than the parse. */
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private final StringBuilder text = new StringBuilder();
    private final char element;
    private final char component;
    private final char terminator;
    private final String isa;
    private long segments;
    private long line = 1;
    private long segmentLine = 1;
    private boolean isaReturned;

    /** Thrown when the file does not start with an ISA of 106 characters. */
    static final class NotX12 extends Exception {
        private static final long serialVersionUID = 1L;

        NotX12(String message) {
            super(message, null, false, false);
        }
    }

    SegmentReader(Reader reader) throws IOException, NotX12 {
        this.reader = reader;
        char[] head = new char[ISA_LENGTH];
        int read = 0;
        while (read < ISA_LENGTH) {
            int n = reader.read(head, read, ISA_LENGTH - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        String text = new String(head, 0, read);
        if (read < ISA_LENGTH || !text.startsWith("ISA")) {
            throw new NotX12("an ISA interchange header of 106 characters, found \"" + (text.length() > 20 ? text.substring(0, 20) + "..." : text) + "\"");
        }
        this.element = text.charAt(3);
        // the ISA's elements have fixed widths, so the 16th separator stands at 103; anywhere else, the ISA was not padded
        // and its last characters are not the delimiters they seem
        int separators = 0;
        int sixteenth = -1;
        for (int i = 0; i < ISA_LENGTH && separators < 16; i++) {
            if (text.charAt(i) == element && ++separators == 16) {
                sixteenth = i;
            }
        }
        if (sixteenth != 103) {
            throw new NotX12("an ISA of 106 characters whose 16 elements have their fixed widths (ISA06 and ISA08 padded to 15), found \""
                    + (sixteenth < 0 ? text.substring(0, 40) + "..." : "ISA16 at character " + (sixteenth + 2)) + "\"");
        }
        this.component = text.charAt(104);
        this.terminator = text.charAt(105);
        this.isa = text.substring(0, 105);
    }

    char element() {
        return element;
    }

    /** ISA16: the separator within a composite element. */
    char component() {
        return component;
    }

    char terminator() {
        return terminator;
    }

    /** The next segment's elements (element 0 is the segment id), or {@code null} at the end. */
    List<String> next() throws IOException {
        if (!isaReturned) {
            isaReturned = true;
            segments++;
            return split(isa);
        }
        text.setLength(0);
        int c;
        boolean leading = true;
        while ((c = read()) >= 0) {
            if (c == '\n') {
                line++;
            }
            if (leading && (c == '\n' || c == '\r' || c == ' ')) {
                continue;
            }
            if (leading) {
                leading = false;
                segmentLine = line;
            }
            if (c == terminator) {
                if (text.length() == 0) {
                    leading = true; // an empty segment (a doubled terminator) holds nothing: not a segment
                    continue;
                }
                segments++;
                return split(text);
            }
            text.append((char) c);
        }
        if (!text.toString().isBlank()) {
            segments++;
            return split(text.toString().strip());
        }
        return null;
    }

    /** The next character, or -1 at the end. */
    private int read() throws IOException {
        if (position == limit) {
            int n = reader.read(buffer, 0, buffer.length);
            if (n <= 0) {
                return -1;
            }
            position = 0;
            limit = n;
        }
        return buffer[position++];
    }

    private List<String> split(CharSequence segment) {
        List<String> elements = new ArrayList<>(ELEMENTS_USUAL);
        int start = 0;
        for (int i = 0; i < segment.length(); i++) {
            if (segment.charAt(i) == element) {
                elements.add(segment.subSequence(start, i).toString());
                start = i + 1;
            }
        }
        elements.add(segment.subSequence(start, segment.length()).toString());
        return elements;
    }

    /** 1-based number of the segment last returned. */
    long segmentNumber() {
        return segments;
    }

    /** The text line the segment last returned starts on. */
    long segmentLine() {
        return isaReturned && segments == 1 ? 1 : segmentLine;
    }
}
