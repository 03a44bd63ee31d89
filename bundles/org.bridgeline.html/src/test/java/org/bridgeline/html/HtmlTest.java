package org.bridgeline.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void markupInAValueStaysText() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;", Html.escape("<script>alert(\"x\")</script> & 'y'"));
        assertEquals("", Html.escape(null));
        assertEquals("12.50 USD", Html.escape("12.50 USD"));
    }
}
