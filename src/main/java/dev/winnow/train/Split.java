package dev.winnow.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The fixed split by site: a domain's SHA-256 decides once and for all whether its pages train,
 * tune (dev) or test, so no site is ever on two sides and the split never drifts.
 */
public enum Split {
    TRAIN, DEV, TEST;

    public static Split of(String domain) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalise(domain).getBytes(StandardCharsets.UTF_8));
            int bucket = Math.floorMod(((digest[0] & 0xff) << 8) | (digest[1] & 0xff), 100);
            return bucket < 70 ? TRAIN : bucket < 85 ? DEV : TEST;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String normalise(String domain) {
        String d = domain.toLowerCase(Locale.ROOT).trim();
        return d.startsWith("www.") ? d.substring(4) : d;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
