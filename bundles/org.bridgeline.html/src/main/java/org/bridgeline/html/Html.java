package org.bridgeline.html;

/** HTML as the reports and the dashboard write it: text and attribute values escaped, so no stored value ever becomes markup. */
public final class Html {

    private Html() {
    }

    /** Text for an element's content or a double-quoted attribute value. */
    public static String escape(Object value) {
        String text = value == null ? "" : value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
