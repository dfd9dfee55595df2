package dev.claimcheck.core.cli;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.provenance.GitCommitter;
import dev.claimcheck.core.provenance.SigningKeys;
import dev.claimcheck.core.provenance.Signer;
import dev.claimcheck.core.verify.ReviewSigner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sign RUN_DIR --key KEY [--force] [--commit]}: MANIFEST + MANIFEST.sig (docs/signing.md), optionally a signed
 * commit; {@code sign reviews/<run-id>/<reviewer>.json --key KEY}: the review's {@code .sig} (docs/workloads/proofs.md).
 */
@Command(name = "sign", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Sign a complete run folder: write MANIFEST (sha256 of every file) and MANIFEST.sig (SSH signature, namespace claimcheck).",
            "With --commit, also commit the folder and its proofs on the current branch, SSH-signed with the same key.",
            "Given a human review of a proof run (reviews/<run-id>/<reviewer>.json), write its signature <reviewer>.json.sig."},
        footer = {"", "Examples:",
            "  ./jbang sign@. results/runs/<model>/<workload>/<suite>/<run-id> --key ~/.ssh/id_ed25519",
            "  ./jbang sign@. <run-dir> --key ~/.ssh/id_ed25519 --commit",
            "  ./jbang sign@. reviews/<run-id>/alice@example.org.json --key ~/.ssh/id_ed25519",
            "Exit codes: 0 signed, 1 refused (run not complete, already signed, git refused), 2 bad usage or input."})
public final class SignCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run folder to sign, or a review file (reviews/<run-id>/<reviewer>.json).")
    Path runDir;

    @Option(names = "--key", required = true, paramLabel = "SSH_PRIVATE_KEY",
            description = {"OpenSSH private key (ed25519 recommended; RSA, ECDSA work), encrypted or not (passphrase from CLAIMCHECK_KEY_PASSPHRASE,",
                "or asked on a terminal). With SSH_AUTH_SOCK set, ssh-agent signs when it holds KEY.pub (KEY may then be the .pub file)."})
    Path key;

    @Option(names = "--force", description = "Re-sign a signed folder (the old signature is kept as MANIFEST.sig.1) or review (its .sig is replaced).")
    boolean force;

    @Option(names = "--commit", description = "Commit the run folder and its proofs (SSH-signed) on the current branch.")
    boolean commit;

    private final PrintStream out;

    public SignCommand() {
        this(System.out);
    }

    public SignCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (ReviewSigner.isReview(runDir)) {
            if (commit) {
                throw new BadInputException("--commit signs run folders only; commit a review with git after signing it");
            }
            ReviewSigner.check(runDir, force);
            ReviewSigner.Signed s = ReviewSigner.sign(runDir, SigningKeys.open(key), force);
            out.println("signed by " + s.signer().fingerprint() + " (" + s.signer().type() + ")");
            out.println("review " + s.review() + " (" + s.grades() + " grades of " + s.runFolder() + ")");
            out.println("signature " + s.signature());
            return Cli.OK;
        }
        Signer.checkSignable(runDir, force);
        var privateKey = SigningKeys.open(key);
        if (commit) {
            GitCommitter.checkCommittable(runDir);
        }
        Signer.Signed signed = Signer.sign(runDir, privateKey, force);
        print(out, signed);
        if (commit) {
            print(out, GitCommitter.commit(runDir, privateKey));
        }
        return Cli.OK;
    }

    static void print(PrintStream out, Signer.Signed signed) {
        out.println("signed by " + signed.signer().fingerprint() + " (" + signed.signer().type() + ")");
        out.println("MANIFEST " + signed.manifest() + " (" + signed.files() + " files)");
        out.println("MANIFEST.sig " + signed.signature());
    }

    static void print(PrintStream out, GitCommitter.Committed c) {
        out.println("committed " + c.commitId() + " on " + c.branch() + ": " + c.message().lines().findFirst().orElse(""));
    }
}
