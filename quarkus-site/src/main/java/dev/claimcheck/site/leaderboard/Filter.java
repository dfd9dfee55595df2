package dev.claimcheck.site.leaderboard;

import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.page.Fmt;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The leaderboard's filters, read from the URL query ({@code ?model=ring&lane=thinking&runs=real&trust=verified&
 * workload=math&hardware=…&since=2026-11-01}), so a filtered view is a link. Empty means "any".
 *
 * @param model a part of the model id, any case
 * @param runs {@code real} or {@code simulated}
 * @param verifiedOnly {@code trust=verified}: only runs whose signature verifies (✓)
 * @param since a date, YYYY-MM-DD: runs finished on or after it
 * @param ignored query values that are not one of the choices, shown on the page (never silently dropped)
 */
public record Filter(String model, String workload, String lane, String runs, boolean verifiedOnly, String hardware,
                     String since, List<Ignored> ignored) {
    public static final Filter NONE = new Filter("", "", "", "", false, "", "", List.of());
    public static final List<String> KEYS = List.of("model", "workload", "lane", "runs", "trust", "hardware", "since");

    /** A query value that was not understood, and what the key takes. */
    public record Ignored(String key, String value, String expected) {
    }

    public Filter {
        ignored = List.copyOf(ignored);
    }

    /** The filter of a query (first value per key); unknown keys are not filters and are left alone. */
    public static Filter parse(Map<String, String> query) {
        List<Ignored> ignored = new ArrayList<>();
        String lane = choice(query, "lane", List.of("instant", "thinking"), ignored);
        String runs = choice(query, "runs", List.of("real", "simulated"), ignored);
        String trust = choice(query, "trust", List.of("verified"), ignored);
        String since = value(query, "since");
        if (!since.isEmpty()) {
            try {
                LocalDate.parse(since);
            } catch (DateTimeParseException e) {
                ignored.add(new Ignored("since", since, "YYYY-MM-DD"));
                since = "";
            }
        }
        return new Filter(value(query, "model"), value(query, "workload"), lane, runs, !trust.isEmpty(),
                value(query, "hardware"), since, ignored);
    }

    static String value(Map<String, String> query, String key) {
        String v = query.get(key);
        return v == null ? "" : v.strip();
    }

    static String choice(Map<String, String> query, String key, List<String> allowed, List<Ignored> ignored) {
        String v = value(query, key);
        if (!v.isEmpty() && !allowed.contains(v)) {
            ignored.add(new Ignored(key, v, String.join(", ", allowed)));
            return "";
        }
        return v;
    }

    /** True when at least one filter applies. */
    public boolean active() {
        return !(model.isEmpty() && workload.isEmpty() && lane.isEmpty() && runs.isEmpty() && !verifiedOnly
                && hardware.isEmpty() && since.isEmpty());
    }

    public boolean matches(LeaderboardRow r) {
        return (workload.isEmpty() || workload.equals(r.workload())) && (lane.isEmpty() || lane.equals(r.lane()))
                && (hardware.isEmpty() || hardware.equals(r.hardware()))
                && common(r.modelId(), r.simulated(), r.trust(), r.finishedAt());
    }

    /** The filters that apply to any run (the Throughput tab's): workload, model, real or simulated, trust, date. */
    public boolean matches(RunEntry r) {
        return (workload.isEmpty() || workload.equals(r.manifest().workload().id()))
                && common(r.manifest().model().id(), r.simulated(), r.trust(), r.manifest().finishedAt());
    }

    boolean common(String modelId, boolean simulated, String trust, String finishedAt) {
        return (model.isEmpty() || modelId.toLowerCase(Locale.ROOT).contains(model.toLowerCase(Locale.ROOT)))
                && (runs.isEmpty() || runs.equals(simulated ? "simulated" : "real"))
                && (!verifiedOnly || "verified".equals(trust))
                && (since.isEmpty() || Fmt.date(finishedAt).compareTo(since) >= 0);
    }
}
