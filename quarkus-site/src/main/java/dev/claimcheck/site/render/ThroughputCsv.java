package dev.claimcheck.site.render;

import dev.claimcheck.site.throughput.ThroughputRow;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code /api/throughput.csv}: one RFC 4180 row per load point of every throughput run, with a {@code simulated} column. */
public final class ThroughputCsv {
    static final String[] HEADER = {"lane", "runId", "model", "modelSlug", "simulated", "trust", "hardware", "hardwareSource",
            "nodes", "settings", "engine", "engineVersion", "abArm", "point", "concurrency", "rate", "arrival", "inputTokens",
            "outputTokens", "requests", "completed", "errors", "earlyEnded", "ttftMsP50", "ttftMsP99", "tpotMsP50",
            "tpotMsP99", "itlMsP99", "e2eMsP50", "requestsPerSecond", "outputTokensPerSecond", "goodputRequestsPerSecond",
            "clientBound", "valid", "finishedAt"};

    private ThroughputCsv() {
    }

    public static String render(List<ThroughputRow> rows) {
        return LeaderboardCsv.render(HEADER, rows, r -> {
            String settings = new TreeMap<>(r.settings()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(";"));
            return new Object[] {LeaderboardCsv.text(r.lane()), r.runId(), LeaderboardCsv.text(r.modelId()), r.modelSlug(),
                    r.simulated(), r.trust(), LeaderboardCsv.text(r.hardware()), r.hardwareSource(), num(r.nodes()),
                    LeaderboardCsv.text(settings), LeaderboardCsv.text(r.engine()), LeaderboardCsv.text(r.engineVersion()),
                    r.abArm() == null ? "" : r.abArm(), r.point(), num(r.concurrency()), num(r.rate()),
                    r.arrival() == null ? "" : r.arrival(), r.inputTokens(), r.outputTokens(), r.requests(), r.completed(),
                    r.errors(), r.earlyEnded(), num(r.ttftMsP50()), num(r.ttftMsP99()), num(r.tpotMsP50()),
                    num(r.tpotMsP99()), num(r.itlMsP99()), num(r.e2eMsP50()), r.requestsPerSecond(),
                    r.outputTokensPerSecond(), num(r.goodputRequestsPerSecond()), r.clientBound(), r.valid(),
                    r.finishedAt() == null ? "" : r.finishedAt()};
        });
    }

    private static String num(Number x) {
        return x == null ? "" : x.toString();
    }
}
