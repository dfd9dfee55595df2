package dev.claimcheck.core.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.provenance.Signer;
import dev.claimcheck.core.testing.Prerequisite;
import dev.claimcheck.core.verify.Evidence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The GitHub workflows (docs/architecture.md §2.1, §7.2): their important properties, parsed from the YAML, and the
 * verify-submission steps' own shell scripts run locally against a pull request made of a simulated signed run.
 */
class WorkflowsTest {
    static final Path WORKFLOWS = repoRoot().resolve(".github/workflows");

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("jbang-catalog.json"))) {
            p = p.getParent();
        }
        return Objects.requireNonNull(p, "repository root (jbang-catalog.json) not found");
    }

    @TempDir
    static Path keys;
    static Path alice;

    @BeforeAll
    static void key() throws Exception {
        Evidence.requireSshKeygen();
        alice = Evidence.keygen(keys, "alice", "alice@example.org");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String name) throws IOException {
        return new Yaml().load(Files.readString(WORKFLOWS.resolve(name)));
    }

    /** YAML 1.1 reads the key {@code on} as boolean true. */
    static Object on(Map<String, Object> wf) {
        return wf.containsKey("on") ? wf.get("on") : wf.get(Boolean.TRUE);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> steps(Map<String, Object> wf, String job) {
        return (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) wf.get("jobs")).get(job)).get("steps");
    }

    static Map<String, Object> step(Map<String, Object> wf, String job, String id) {
        return steps(wf, job).stream().filter(s -> id.equals(s.get("id"))).findFirst().orElseThrow(() -> new AssertionError("no step " + id));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> with(Map<String, Object> step) {
        return (Map<String, Object>) step.getOrDefault("with", Map.of());
    }

    @Test
    @SuppressWarnings("unchecked")
    void verifySubmissionRunsTheBaseVerifierOnPullRequestsWithReadOnlyPermissions() throws IOException {
        String text = Files.readString(WORKFLOWS.resolve("verify-submission.yml"));
        Map<String, Object> wf = load("verify-submission.yml");
        assertThat((Map<String, Object>) on(wf)).containsKey("pull_request").doesNotContainKey("pull_request_target");
        assertThat(wf.get("permissions")).isEqualTo(Map.of("contents", "read"));
        assertThat(text).doesNotContain("secrets.").doesNotContain("pull_request_target");

        List<Map<String, Object>> steps = steps(wf, "verify");
        List<Map<String, Object>> checkouts = steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith("actions/checkout@")).toList();
        assertThat(checkouts).hasSize(2);
        assertThat(with(checkouts.get(0))).containsEntry("ref", "${{ github.event.pull_request.base.sha }}").containsEntry("path", "base");
        assertThat(with(checkouts.get(1))).containsEntry("ref", "${{ github.event.pull_request.head.sha }}").containsEntry("path", "pr");
        checkouts.forEach(c -> assertThat(with(c)).containsEntry("persist-credentials", false));

        for (Map<String, Object> s : steps) {
            String run = (String) s.get("run");
            if (run != null) {
                assertThat(run).as("step '%s' interpolates no expression into its script", s.get("name"))
                        .doesNotContain("${{").doesNotContain("github.event.pull_request.head");
                assertThat(run).as("no code from the pull request runs").doesNotContain("cd pr").doesNotContain("pr/jbang")
                        .doesNotContain("pr/mvnw");
            }
        }
        String verify = (String) step(wf, "verify", "verify").get("run");
        assertThat(verify).contains("cd base").contains("./jbang verify@. ../pr ").contains("--allowed-signers results/allowed_signers")
                .contains("--report ../report.md").contains("--report-json ../report.json").as("the whole root, never a list of changed folders").doesNotContain("changed-runs.txt")
                .doesNotContain("mapfile");
        String changed = (String) step(wf, "verify", "changed").get("run");
        assertThat(changed).contains("git -C pr diff --name-only").contains("results/allowed_signers");
        Map<String, Object> flag = steps.stream().filter(s -> String.valueOf(s.get("name")).contains("allowed_signers")
                && s.get("run") != null && String.valueOf(s.get("run")).contains("exit 1")).findFirst().orElseThrow();
        assertThat(String.valueOf(flag.get("if"))).contains("signers_changed == 'true'");
        Map<String, Object> summary = steps.get(steps.size() - 1);
        assertThat(summary.get("if")).isEqualTo("always()");
        assertThat((String) summary.get("run")).contains("cat report.md >> \"$GITHUB_STEP_SUMMARY\"");
        assertThat((String) summary.get("run")).as("the summary is posted from the JSON report").contains("jq -r").contains("report.json");
        assertThat((String) summary.get("run")).contains("changed-runs.txt");
    }

    @Test
    @SuppressWarnings("unchecked")
    void siteTestsExportsAndDeploysToPagesOnPushToMain() throws IOException {
        Map<String, Object> wf = load("site.yml");
        Map<String, Object> push = (Map<String, Object>) ((Map<String, Object>) on(wf)).get("push");
        assertThat((List<String>) push.get("branches")).containsExactly("main");
        assertThat(wf.get("permissions")).isEqualTo(Map.of("contents", "read"));
        List<String> runs = steps(wf, "build").stream().map(s -> (String) s.get("run")).filter(Objects::nonNull).toList();
        assertThat(runs).contains("./test --skip-browser", "./jbang site@. --export build/site");
        Map<String, Object> upload = steps(wf, "build").stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith("actions/upload-pages-artifact@")).findFirst().orElseThrow();
        assertThat(with(upload)).containsEntry("path", "build/site");
        Map<String, Object> deploy = (Map<String, Object>) ((Map<String, Object>) wf.get("jobs")).get("deploy");
        assertThat(deploy.get("needs")).isEqualTo("build");
        assertThat((Map<String, Object>) deploy.get("permissions")).containsEntry("pages", "write").containsEntry("id-token", "write");
        assertThat(steps(wf, "deploy")).anyMatch(s -> String.valueOf(s.get("uses")).startsWith("actions/deploy-pages@"));
    }

    /** Runs the "changed" and "verify" steps' scripts as GitHub would (bash -eo pipefail), the jbang launcher shimmed. */
    @Test
    void theVerifyStepsRunLocallyAgainstASimulatedPullRequest(@TempDir Path ws) throws Exception {
        Prerequisite.GIT.requireExecutable(Path.of("/usr/bin/git"));
        Map<String, Object> wf = load("verify-submission.yml");
        String changed = (String) step(wf, "verify", "changed").get("run");
        String verify = (String) step(wf, "verify", "verify").get("run");
        String links = (String) step(wf, "verify", "links").get("run");
        List<Map<String, Object>> all = steps(wf, "verify");
        String summary = (String) all.get(all.size() - 1).get("run");

        // base: the verifier (a shim for ./jbang that runs VerifyCommand from this classpath) and allowed_signers
        Path base = Files.createDirectories(ws.resolve("base/results"));
        Files.writeString(base.resolve("allowed_signers"), Evidence.signerLine("alice@example.org", "", alice));
        Path shim = ws.resolve("base/jbang");
        Files.writeString(shim, "#!/bin/sh\n[ \"$1\" = verify@. ] || { echo \"unexpected alias $1\" >&2; exit 99; }\nshift\n"
                + "exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '" + System.getProperty("java.class.path")
                + "' dev.claimcheck.core.cli.VerifyMain --allow-simulated \"$@\"\n");
        Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));

        // pr: a repository checkout whose head adds a signed simulated run
        Path pr = Files.createDirectories(ws.resolve("pr"));
        git(pr, "init", "-q", "-b", "main");
        Files.writeString(pr.resolve("jbang-catalog.json"), "{}\n");
        Files.createDirectories(pr.resolve("audit-core"));
        Files.writeString(pr.resolve("audit-core/.keep"), "");
        git(pr, "add", "-A");
        git(pr, "commit", "-q", "-m", "base");
        String baseSha = git(pr, "rev-parse", "HEAD").strip();
        Path run = Evidence.simRun(ws.resolve("sim"));
        Path target = pr.resolve(ws.resolve("sim").relativize(run).toString());
        Files.createDirectories(target.getParent());
        Evidence.copyTree(run, target);
        Evidence.copyTree(ws.resolve("sim/proofs"), pr.resolve("proofs")); // a submission brings its proofs along
        Signer.sign(target, alice, false);
        git(pr, "add", "-A");
        git(pr, "commit", "-q", "-m", "audit(sim): arith");

        Result r1 = bash(ws, changed, baseSha);
        assertThat(r1.code()).as(r1.out()).isZero();
        assertThat(Files.readString(ws.resolve("changed-runs.txt")).strip()).isEqualTo(pr.relativize(target).toString());
        assertThat(Files.readString(ws.resolve("github_output"))).contains("signers_changed=false");
        assertThat(bash(ws, links, baseSha).code()).isZero();
        Result r2 = bash(ws, verify, baseSha);
        assertThat(r2.code()).as(r2.out()).isZero();
        assertThat(Files.readString(ws.resolve("report.md"))).contains("1 trusted, 0 failed").contains("trusted (simulated)");
        assertThat(bash(ws, summary, baseSha).code()).isZero();
        assertThat(Files.readString(ws.resolve("summary.md"))).contains("## verify: 1 run folders, 1 trusted, 0 failed, 0 root failures")
                .contains("## Run folders this pull request changes")
                .contains("- `" + pr.relativize(target) + "`");

        // the next push adds nothing but a symbolic link to a run folder outside results/: no run folder "changes",
        // and the whole-root verify still fails on the link (issue 15, items 4 and 5)
        Path outside = pr.resolve("elsewhere").resolve(target.getFileName().toString().replace("-", "-1"));
        Evidence.copyTree(target, outside);
        Path link = target.resolveSibling(outside.getFileName());
        Files.createSymbolicLink(link, link.getParent().relativize(outside));
        git(pr, "add", "-A");
        git(pr, "commit", "-q", "-m", "link");
        Path clone = ws.resolve("pr-clone");
        git(ws, "clone", "-q", pr.toString(), clone.toString()); // a real checkout, as actions/checkout makes one
        assertThat(Files.isSymbolicLink(clone.resolve(pr.relativize(link).toString()))).as("checked out as a link").isTrue();
        assertThat(bash(ws, links, baseSha).code()).isZero();
        assertThat(Files.readString(ws.resolve("links.txt")).strip()).isEqualTo(pr.relativize(link).toString());
        Result r3 = bash(ws, verify, baseSha);
        assertThat(r3.code()).as(r3.out()).isEqualTo(1);
        assertThat(r3.out()).contains("FAIL symlinkInRoot: " + pr.relativize(link));
        assertThat(Files.readString(ws.resolve("report.md"))).contains("Root findings: 1 failed").contains("symlinkInRoot");
        Files.delete(link);
        git(pr, "add", "-A");
        git(pr, "commit", "-q", "-m", "unlink");

        // a link that was checked out as a plain file is caught before verify runs
        Files.writeString(ws.resolve("flat"), "../elsewhere");
        git(pr, "update-index", "--add", "--cacheinfo", "120000," + git(pr, "hash-object", "-w", ws.resolve("flat").toString()).strip()
                + ",results/flat-link");
        Files.writeString(pr.resolve("results/flat-link"), "../elsewhere\n");
        Result flat = bash(ws, links, baseSha);
        assertThat(flat.code()).as(flat.out()).isEqualTo(1);
        assertThat(flat.out()).contains("::error file=results/flat-link::");
        git(pr, "update-index", "--force-remove", "results/flat-link");
        Files.delete(pr.resolve("results/flat-link"));

        // the next push tampers with the transcript and proposes the submitter's own key
        Files.writeString(target.resolve("samples.jsonl"), "\n", StandardOpenOption.APPEND);
        Files.createDirectories(pr.resolve("results"));
        Files.writeString(pr.resolve("results/allowed_signers"), "mallory@example.org ssh-ed25519 AAAA\n");
        git(pr, "add", "-A");
        git(pr, "commit", "-q", "-m", "tamper");
        Files.delete(ws.resolve("github_output"));
        assertThat(bash(ws, changed, baseSha).code()).isZero();
        assertThat(Files.readString(ws.resolve("github_output"))).contains("signers_changed=true");
        Result r4 = bash(ws, verify, baseSha);
        assertThat(r4.code()).as(r4.out()).isEqualTo(1);
        assertThat(r4.out()).contains("FAIL hashMismatch");
        assertThat(Files.readString(ws.resolve("report.md"))).contains("**failed**");
        Files.delete(ws.resolve("summary.md"));
        assertThat(bash(ws, summary, baseSha).code()).isZero();
        assertThat(Files.readString(ws.resolve("summary.md"))).contains("1 failed").contains("| `hashMismatch` | `");
    }

    record Result(int code, String out) {
    }

    static Result bash(Path ws, String script, String baseSha) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
                .directory(ws.toFile()).redirectErrorStream(true);
        pb.environment().put("BASE_SHA", baseSha);
        pb.environment().put("GITHUB_OUTPUT", ws.resolve("github_output").toString());
        pb.environment().put("GITHUB_STEP_SUMMARY", ws.resolve("summary.md").toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    static String git(Path dir, String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 7];
        cmd[0] = "git";
        cmd[1] = "-c";
        cmd[2] = "user.name=T";
        cmd[3] = "-c";
        cmd[4] = "user.email=t@example.org";
        cmd[5] = "-c";
        cmd[6] = "commit.gpgsign=false";
        System.arraycopy(args, 0, cmd, 7, args.length);
        return Evidence.exec(dir, cmd);
    }
}
