package dev.claimcheck.core.model;

/**
 * A benchmark a vendor reports for the model whose figure is not in the ledger (claims file {@code untranscribed[]},
 * docs/claims.md): there is no number to judge, so the claims page lists it with why and with what a reproduction here
 * would need. Never a value: a figure that can be read goes in as a claim instead.
 *
 * @param id a name unique in the file; a recipe of that name for the model ({@code <slug>-<id>}) is its reproduction
 * @param benchmark the benchmark as the source names it ("SWE-bench Verified")
 * @param workload the workload whose suite would run it, or empty when none does
 * @param suite that suite's id, or empty
 * @param reason why no figure is transcribed (only in an image, no source page read …)
 * @param needs what running it here takes that the project cannot supply, or the command's missing inputs
 */
public record Untranscribed(String id, String benchmark, String workload, String suite, String reason, String needs,
                            Claim.Source source) {
}
