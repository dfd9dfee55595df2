package dev.claimcheck.core.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Helpers every check and re-grader shares: bounded finding lists and one-line clipped values. */
final class Findings {
    /** Repeated findings of one kind are summarised after this many lines. */
    static final int MAX_PER_KIND = 10;

    private Findings() {
    }

    static String clip(String s) {
        if (s == null) {
            return "null";
        }
        String one = s.replaceAll("[\\p{Cntrl}]", " ");
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }

    /** Collects findings, keeping at most {@link #MAX_PER_KIND} of each id and counting the rest. */
    static final class Collector {
        private final List<Finding> list = new ArrayList<>();
        private final Map<String, Integer> counts = new HashMap<>();
        private final Map<String, Finding> first = new HashMap<>();

        void add(Finding f) {
            int n = counts.merge(f.id(), 1, Integer::sum);
            first.putIfAbsent(f.id(), f);
            if (n <= MAX_PER_KIND) {
                list.add(f);
            }
        }

        List<Finding> list() {
            List<Finding> all = new ArrayList<>(list);
            counts.forEach((id, n) -> {
                if (n > MAX_PER_KIND) {
                    all.add(first.get(id).withDetail("... and " + (n - MAX_PER_KIND) + " more like this"));
                }
            });
            return all;
        }
    }
}
