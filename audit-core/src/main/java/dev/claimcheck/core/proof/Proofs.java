package dev.claimcheck.core.proof;

import dev.claimcheck.core.RunFailedException;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunManifest.ProofRef;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.store.Root;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a run's proof pages to {@code <root>/proofs/<model-slug>/<suite>/<run-id>/<task>-<attempt>.md}
 * and returns the run.json {@code proofs} entries (path relative to the root, SHA-256 of the bytes).
 * Called at the end of every complete run, whatever the workload.
 */
public final class Proofs {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private Proofs() {
    }

    public static List<ProofRef> write(Root root, RunManifest run, Iterable<Sample> samples) {
        List<ProofRef> refs = new ArrayList<>();
        String relDir = "proofs/" + run.model().slug() + "/" + run.suite().id() + "/" + run.runId();
        Path dir = root.dir().resolve(relDir);
        for (ProofSelector.Selection sel : ProofSelector.select(samples)) {
            Sample s = sel.sample();
            String name = fileStem(s.taskId()) + "-" + s.attempt() + ".md";
            byte[] bytes = ProofPage.render(run, s, sel.why()).getBytes(StandardCharsets.UTF_8);
            try {
                Files.createDirectories(dir);
                Files.write(dir.resolve(name), bytes);
            } catch (IOException e) {
                throw new RunFailedException("cannot write proof " + dir.resolve(name) + ": " + e.getMessage(), e);
            }
            refs.add(new ProofRef(relDir + "/" + name, PromptHash.sha256Hex(bytes), s.taskId(), s.attempt(), sel.why()));
        }
        return refs;
    }

    /**
     * A task id as a file name: kept when it is already safe, else unsafe characters become {@code -} and
     * a short hash of the id is appended so two ids cannot collide.
     */
    static String fileStem(String taskId) {
        String safe = UNSAFE.matcher(taskId).replaceAll("-");
        if (safe.equals(taskId) && !safe.startsWith(".") && safe.length() <= 100) {
            return safe;
        }
        if (safe.length() > 100) {
            safe = safe.substring(0, 100);
        }
        return safe.replaceFirst("^\\.+", "-") + "-" + PromptHash.sha256Hex(taskId).substring(0, 8);
    }
}
