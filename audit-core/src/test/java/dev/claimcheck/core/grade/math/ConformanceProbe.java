package dev.claimcheck.core.grade.math;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Outside check, not a test: grades the peer conformance corpus (kept outside the repository) and
 * prints agreement and disagreements. Run as documented in docs/grading/math.md.
 */
public final class ConformanceProbe {
    private ConformanceProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "/work/shared/conformance/math-peer.jsonl");
        ObjectMapper json = new ObjectMapper();
        int all = 0;
        int allOk = 0;
        int core = 0;
        int coreOk = 0;
        StringBuilder flaggedMisses = new StringBuilder();
        try (BufferedReader in = Files.newBufferedReader(corpus)) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode n = json.readTree(line);
                String gold = n.get("gold").isTextual() ? n.get("gold").asText() : n.get("gold").toString();
                String pred = n.get("pred").isTextual() ? n.get("pred").asText() : n.get("pred").toString();
                boolean expected = n.get("equal").asBoolean();
                MathJudgement j = MathJudge.judge(pred, gold);
                boolean ok = j.equal() == expected;
                boolean flagged = n.has("policy") || n.has("quirk") || n.has("config_dependent");
                all++;
                allOk += ok ? 1 : 0;
                if (!flagged) {
                    core++;
                    coreOk += ok ? 1 : 0;
                }
                if (!ok) {
                    String row = String.format("  %s expected %s got %s: gold=%s pred=%s%n    %s%n", n.get("id").asText(),
                            expected, j.equal(), cut(gold, 60), cut(pred, 90), j.detail());
                    if (flagged) {
                        flaggedMisses.append(row);
                    } else {
                        System.out.print(row);
                    }
                }
            }
        }
        System.out.println("flagged disagreements:");
        System.out.print(flaggedMisses);
        System.out.printf("agreement, all cases:       %.3f (%d of %d)%n", allOk / (double) all, allOk, all);
        System.out.printf("agreement, unflagged cases: %.3f (%d of %d)%n", coreOk / (double) core, coreOk, core);
    }

    private static String cut(String s, int n) {
        String one = s.replace('\n', ' ');
        return one.length() <= n ? one : one.substring(one.length() - n);
    }
}
