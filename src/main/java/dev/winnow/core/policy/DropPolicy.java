package dev.winnow.core.policy;

import dev.winnow.core.Label;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Which labels are removed from the output. By default everything but editorial goes. */
public record DropPolicy(Set<Label> drop) {

    public static final DropPolicy DEFAULT = new DropPolicy(EnumSet.complementOf(EnumSet.of(Label.EDITORIAL)));

    public DropPolicy {
        drop = drop.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(drop));
    }

    public boolean keeps(Label label) {
        return !drop.contains(label);
    }

    /**
     * Parses {@code "promo,donation"}; an empty string drops nothing.
     *
     * @throws IllegalArgumentException naming the unknown label
     */
    public static DropPolicy parse(String labels) {
        if (labels == null) {
            return DEFAULT;
        }
        return of(List.of(labels.split(",")));
    }

    public static DropPolicy of(Collection<String> labels) {
        List<Label> parsed = new ArrayList<>();
        for (String id : labels) {
            if (!id.isBlank()) {
                parsed.add(Label.fromId(id));
            }
        }
        return new DropPolicy(parsed.isEmpty() ? Set.of() : EnumSet.copyOf(parsed));
    }
}
