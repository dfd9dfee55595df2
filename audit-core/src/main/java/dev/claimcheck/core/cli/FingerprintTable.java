package dev.claimcheck.core.cli;

import dev.claimcheck.core.fingerprint.FingerprintDiff;
import dev.claimcheck.core.model.Fingerprint;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The {@code fingerprint} command's output: one column per endpoint, then how each differs from the first. */
final class FingerprintTable {
    private static final int LABEL = 22;
    private static final int COLUMN = 34;

    private FingerprintTable() {
    }

    /** A, B, C, …: how the table and the difference lines name the endpoints. */
    static String letter(int i) {
        return i < 26 ? String.valueOf((char) ('A' + i)) : "#" + (i + 1);
    }

    static void print(PrintStream out, List<FingerprintCommand.Measured> measured) {
        List<Fingerprint> f = measured.stream().map(FingerprintCommand.Measured::fingerprint).toList();
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            head.add(letter(i) + ": " + measured.get(i).baseUrl());
        }
        rows.add(row("", head));
        rows.add(row("model sent", measured.stream().map(FingerprintCommand.Measured::model).toList()));
        rows.add(row("models served", map(f, x -> x.served().modelIds().isEmpty() ? "—" : String.join(", ", x.served().modelIds()))));
        rows.add(row("context length", map(f, x -> shown(x.served().contextLength()))));
        rows.add(row("engine", map(f, x -> x.served().engine() == null ? "—"
                : x.served().engine() + (x.served().engineVersion() == null ? "" : " " + x.served().engineVersion()))));
        rows.add(row("precision", map(f, x -> x.served().precision().isEmpty() ? "not reported"
                : x.served().precision().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")))));
        rows.add(row("tokenizer", map(f, x -> x.tokenizer().family() != null ? x.tokenizer().family()
                : "unknown" + (x.tokenizer().nearest() == null ? "" : " (nearest " + x.tokenizer().nearest() + ", "
                + x.tokenizer().differing() + " probes differ)"))));
        rows.add(row("system prompt tokens", map(f, x -> shown(x.template().systemTokens()))));
        rows.add(row("tool list tokens", map(f, x -> shown(x.template().toolsTokens()))));
        rows.add(row("reasoning", map(f, x -> lower(x.template().reasoning()))));
        rows.add(row("tool calls", map(f, x -> lower(x.template().toolCalls()))));
        if (!f.isEmpty()) {
            for (int c = 0; c < f.get(0).canaries().size(); c++) {
                int index = c;
                rows.add(row("canary " + f.get(0).canaries().get(c).id(), map(f, x -> index >= x.canaries().size()
                        || x.canaries().get(index).sha256() == null ? "failed" : x.canaries().get(index).sha256().substring(0, 12))));
            }
        }
        rows.add(row("probes failed", map(f, x -> x.cost().failed() + " of " + x.cost().requests())));
        rows.add(row("tokens spent", map(f, x -> x.cost().promptTokens() + " prompt, " + x.cost().completionTokens() + " completion")));
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(pad(r[0], LABEL));
            for (int i = 1; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : pad(r[i], COLUMN));
            }
            out.println(line.toString().stripTrailing());
        }
        for (int i = 1; i < f.size(); i++) {
            List<FingerprintDiff.Difference> d = FingerprintDiff.of(f.get(0), f.get(i));
            out.println();
            if (d.isEmpty()) {
                out.println(letter(i) + " agrees with A on every probe");
                continue;
            }
            out.println(letter(i) + " differs from A" + (FingerprintDiff.identityDiffers(d) ? "" : " (canaries only: may be chance)") + ":");
            d.forEach(x -> out.println("  " + x.line()));
        }
    }

    private static String[] row(String label, List<String> cells) {
        String[] r = new String[cells.size() + 1];
        r[0] = label;
        for (int i = 0; i < cells.size(); i++) {
            r[i + 1] = cells.get(i);
        }
        return r;
    }

    private static List<String> map(List<Fingerprint> f, Function<Fingerprint, String> cell) {
        return f.stream().map(cell).toList();
    }

    private static String shown(Long v) {
        return v == null ? "—" : v.toString();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String pad(String s, int width) {
        return s.length() >= width - 1 ? s + "  " : s + " ".repeat(width - s.length());
    }
}
