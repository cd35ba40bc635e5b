package dev.winnow.train;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * One page of a benchmark set with its gold.
 *
 * @param source   {@code wcxb}, {@code trafilatura} or {@code readability}
 * @param id       the page id within its source
 * @param domain   the site, which decides the split
 * @param pageType WCXB's page type ({@code article}, {@code forum}, …), {@code article} elsewhere
 * @param html     the raw page bytes, charset as found
 */
public record SourcePage(String source, String id, String url, String domain, String licence, String pageType,
                         byte[] html, Gold gold) {

    public String key() {
        return source + ":" + id;
    }

    /**
     * Decodes the bytes as a browser would: BOM, then meta charset, then UTF-8. Not yet as the
     * service does ({@link dev.winnow.core.PageCharset}, which reads valid UTF-8 as UTF-8 before a
     * meta): the shipped model was trained on pages read this way and {@code train} must write it
     * byte for byte; two models trained the service's way did not pass on dev (model card, "One
     * decoder of page bytes").
     */
    public Document parse() {
        try {
            return Jsoup.parse(new ByteArrayInputStream(html), null, url == null ? "" : url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page as text, decoded as {@link #parse()} decodes it. */
    public String htmlString() {
        return parse().outerHtml();
    }

    public Split split() {
        return Split.of(domain);
    }
}
