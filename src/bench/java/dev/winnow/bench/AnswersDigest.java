package dev.winnow.bench;

import dev.winnow.core.CleanOptions;
import dev.winnow.core.CleanResult;
import dev.winnow.core.Input;
import dev.winnow.core.LabelledBlock;
import dev.winnow.core.Winnow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One SHA-256 over everything a model answers on a set of pages: every block's text, label and
 * the bits of its five probabilities, and the cleaned text, in HTML mode and in text mode. A
 * speed change that claims to keep the answers prints the same digest before and after; a
 * different digest means some answer moved, and the count of blocks and pages says how far the
 * two runs got.
 *
 * <pre>
 * java -cp target/benchmarks.jar dev.winnow.bench.AnswersDigest [FOLDER [COUNT]]...
 * </pre>
 * Each folder's first COUNT {@code .html} or {@code .html.gz} files, by name (default: the
 * shared WCXB dev pages, 400 of them).
 */
public final class AnswersDigest {

    private static final CleanOptions ANSWERS = CleanOptions.DEFAULT.withBlocks(true);

    private AnswersDigest() {
    }

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        if (args.length == 0) {
            args = new String[] {"../shared/data/wcxb-dev/html", "400"};
        }
        Winnow winnow = Stages.load().winnow();
        MessageDigest all = MessageDigest.getInstance("SHA-256");
        for (BenchPages.Folder folder : BenchPages.folders(args, 0)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long blocks = 0;
            List<BenchPages.Page> pages = BenchPages.load(folder.path(), folder.count());
            for (BenchPages.Page page : pages) {
                String html = page.html();
                CleanResult asHtml = winnow.clean(Input.html(html), ANSWERS);
                blocks += update(digest, asHtml);
                blocks += update(digest, winnow.clean(asText(asHtml), ANSWERS));
            }
            byte[] one = digest.digest();
            all.update(one);
            System.out.printf("%s: %d pages, %d blocks, SHA-256 %s%n", folder.path(), pages.size(), blocks, HexFormat.of().formatHex(one));
        }
        System.out.printf("model %s, all folders: SHA-256 %s%n", winnow.modelId(), HexFormat.of().formatHex(all.digest()));
    }

    /** The page in text mode as {@code evaluate} feeds it: its blocks, one a line. */
    static Input asText(CleanResult asHtml) {
        StringBuilder lines = new StringBuilder();
        for (LabelledBlock b : asHtml.blocks()) {
            lines.append(b.block().text()).append('\n');
        }
        return Input.text(lines.toString());
    }

    private static int update(MessageDigest digest, CleanResult result) {
        for (LabelledBlock b : result.blocks()) {
            update(digest, b.block().text());
            update(digest, b.label().name());
            for (double p : b.prediction().probabilities()) {
                update(digest, Long.toHexString(Double.doubleToLongBits(p)));
            }
        }
        update(digest, result.output());
        return result.blocks().size();
    }

    private static void update(MessageDigest digest, String s) {
        digest.update(s.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
