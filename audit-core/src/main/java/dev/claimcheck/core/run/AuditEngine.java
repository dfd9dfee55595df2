package dev.claimcheck.core.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.endpoint.ChatEndpoint;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.fingerprint.Fingerprinter;
import dev.claimcheck.core.model.AttemptKey;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.proof.Proofs;
import dev.claimcheck.core.sim.InMemoryOracle;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunManifestStore;
import dev.claimcheck.core.store.SummaryCsv;
import dev.claimcheck.core.suite.AttemptExchange;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the missing attempts of a plan against an endpoint with bounded concurrency, journaling each
 * finished attempt, then writes the final run.json and summary.csv, and for a complete run its proof
 * pages ({@link Proofs}). A run stopped early (token
 * budget, auth failure, circuit breaker, kill) resumes by running this again on the same folder.
 */
public final class AuditEngine {
    private final Clock clock;

    public AuditEngine(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param manifest run.json as written at start (status running)
     * @param oracle the simulator's oracle to fill, or null for a real endpoint
     */
    public AuditOutcome run(RunFolder folder, RunManifest manifest, AuditPlan plan, ChatEndpoint endpoint,
                            InMemoryOracle oracle, Journal journal, ProgressListener progress) {
        if (oracle != null) {
            for (Task task : plan.tasks()) {
                if (!plan.sendsAny(task)) {
                    continue;
                }
                plan.suite().oracleEntry(task, plan.context())
                        .ifPresent(entry -> oracle.put(PromptHash.of(plan.messagesFor(task)), entry));
            }
        }
        long redactedBefore = endpoint.secrets().redactions();
        AtomicLong tokensUsed = new AtomicLong(journal.samples().stream()
                .mapToLong(s -> s.usage().promptTokens() + s.usage().completionTokens()).sum());
        AtomicReference<String> stopReason = new AtomicReference<>();
        AtomicReference<RuntimeException> abort = new AtomicReference<>();

        long done = 0;
        MaxTokensCap cap = MaxTokensCap.of(manifest.request() == null ? null : manifest.request().servedContext());
        ExecutorService pool = Executors.newFixedThreadPool(plan.concurrency(), workerThreads());
        try {
            for (Task task : plan.tasks()) {
                for (int attempt = 0; attempt < plan.k(); attempt++) {
                    if (!plan.sends(task, attempt)) {
                        continue;
                    }
                    if (journal.contains(new AttemptKey(task.id(), attempt))) {
                        done++;
                        continue;
                    }
                    int a = attempt;
                    pool.execute(() -> runAttempt(task, a, plan, cap, endpoint, journal, tokensUsed, stopReason, abort,
                            progress));
                }
            }
            progress.started(plan.attempts(), done);
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
            progress.finished();
        }
        // This session's replacements (responses, error messages) add to those run.json already counts.
        RunManifest counted = manifest.withSecretsRedacted(endpoint.secrets().redactions() - redactedBefore);
        return finish(folder, counted, plan, journal, stopReason.get(), abort.get(), endpoint);
    }

    private void runAttempt(Task task, int attempt, AuditPlan plan, MaxTokensCap cap, ChatEndpoint endpoint, Journal journal,
                            AtomicLong tokensUsed, AtomicReference<String> stopReason,
                            AtomicReference<RuntimeException> abort, ProgressListener progress) {
        if (stopReason.get() != null) {
            return;
        }
        if (plan.maxTotalTokens() != null && tokensUsed.get() >= plan.maxTotalTokens()) {
            stopReason.compareAndSet(null, "token budget of " + plan.maxTotalTokens() + " reached");
            return;
        }
        List<ChatMessage> messages = plan.messagesFor(task);
        try {
            ObjectNode template = cap.apply(plan.template(), messages);
            AttemptExchange exchange = plan.suite().attempt(task, messages, template, attempt, endpoint, plan.context());
            Sample sample = toSample(task, attempt, messages, plan, exchange);
            journal.append(sample);
            tokensUsed.addAndGet(sample.usage().promptTokens() + sample.usage().completionTokens());
            progress.attemptFinished(sample.graded(), sample.graded() && sample.verdict().correct());
        } catch (RuntimeException e) {
            // Auth refused, breaker open, journal unwritable: stop everything; what is journaled stays, the rest resumes.
            if (stopReason.compareAndSet(null, e.getMessage() == null ? e.toString() : e.getMessage())) {
                abort.set(e);
            }
        }
    }

    private static Sample toSample(Task task, int attempt, List<ChatMessage> messages, AuditPlan plan, AttemptExchange exchange) {
        String hash = PromptHash.of(messages);
        List<ChatMessage> stored = task.redistributable() ? messages : null;
        Long target = task.meta().containsKey("targetTokens") ? Long.valueOf(task.meta().get("targetTokens")) : null;
        ChatOutcome outcome = exchange.outcome();
        if (outcome instanceof ChatOutcome.Success s) {
            Verdict verdict = exchange.verdict() != null ? exchange.verdict() : plan.suite().grade(task, s.response().content());
            if (s.response().truncated()) {
                verdict = verdict.markedTruncated();
            }
            return new Sample(task.id(), attempt, stored, hash, target, exchange.request(), s.response(), s.usage(),
                    s.timing(), verdict, null, s.retries(), exchange.transcript(), null, exchange.judge());
        }
        ChatOutcome.Failure f = (ChatOutcome.Failure) outcome;
        return new Sample(task.id(), attempt, stored, hash, target, exchange.request(),
                f.partial(), f.usage(), f.timing(), null, f.error(), f.retries(), exchange.transcript(), null);
    }

    private AuditOutcome finish(RunFolder folder, RunManifest manifest, AuditPlan plan, Journal journal,
                                String stopReason, RuntimeException abort, ChatEndpoint endpoint) {
        var samples = journal.samples();
        boolean complete = stopReason == null && samples.size() == plan.attempts();
        if (!complete && stopReason == null) {
            stopReason = (plan.attempts() - samples.size()) + " attempts did not finish";
        }
        Metrics metrics = samples.isEmpty() ? null : RunMetrics.of(samples, plan.suite().figures());
        RunManifest updated = manifest.withJournalRepairs(journal.repairs())
                .withStatus(complete ? RunStatus.COMPLETE : RunStatus.STOPPED,
                        complete ? clock.instant().toString() : null, complete ? null : stopReason, metrics);
        // This session's responses join what earlier sessions of a resumed run saw.
        updated = updated.withEndpoint(updated.endpoint().withWireProfileSeen(endpoint.wireProfile()));
        if (complete) {
            updated = updated.withEndpoint(Fingerprinter.atEnd(endpoint, updated.endpoint(), updated.model().id(), clock));
            // Proofs are written before the final run.json, which lists them with their hashes.
            updated = updated.withProofs(Proofs.write(Root.of(folder), updated, samples));
        }
        RunManifestStore.write(folder, updated);
        if (metrics != null) {
            SummaryCsv.write(folder, metrics, plan.suite().figures(), manifest.simulated());
        }
        return new AuditOutcome(folder, updated, complete ? null : stopReason, abort);
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "audit-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
                pool.shutdownNow();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
