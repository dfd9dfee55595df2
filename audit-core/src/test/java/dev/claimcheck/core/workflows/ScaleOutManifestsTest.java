package dev.claimcheck.core.workflows;

import static dev.claimcheck.core.workflows.WorkflowsTest.load;
import static dev.claimcheck.core.workflows.WorkflowsTest.on;
import static dev.claimcheck.core.workflows.WorkflowsTest.steps;
import static dev.claimcheck.core.workflows.WorkflowsTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The scale-out workflow and Kubernetes manifests (docs/scale-out.md), parsed: the fields a scheduler needs to start N
 * shards and then one merge, the shard index reaching {@code --shard}, secrets reaching only the environment, and the
 * image providing every command they call. Nothing here starts a runner or a cluster.
 */
class ScaleOutManifestsTest {
    static final Path REPO = WorkflowsTest.repoRoot();
    static final Path K8S = REPO.resolve("deploy/kubernetes");

    @Test
    @SuppressWarnings("unchecked")
    void theWorkflowIsDispatchableAndCallableWithRecipeEndpointSecretAndShardCount() throws IOException {
        Map<String, Object> on = (Map<String, Object>) on(load("sharded-audit.yml"));
        for (String trigger : List.of("workflow_dispatch", "workflow_call")) {
            Map<String, Object> inputs = (Map<String, Object>) ((Map<String, Object>) on.get(trigger)).get("inputs");
            assertThat(inputs).as(trigger).containsOnlyKeys("recipe", "base-url", "endpoint-secret", "shards");
            assertThat((Map<String, Object>) inputs.get("shards")).as(trigger).containsEntry("type", "number");
        }
        assertThat(load("sharded-audit.yml").get("permissions")).isEqualTo(Map.of("contents", "read"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theShardsRunAsAMatrixOverTheIndicesAndTheMergeJobWaitsForAllOfThem() throws IOException {
        Map<String, Object> jobs = (Map<String, Object>) load("sharded-audit.yml").get("jobs");
        assertThat(jobs).containsOnlyKeys("plan", "shard", "merge");
        Map<String, Object> shard = (Map<String, Object>) jobs.get("shard");
        assertThat(shard.get("needs")).isEqualTo("plan");
        Map<String, Object> strategy = (Map<String, Object>) shard.get("strategy");
        assertThat(strategy.get("fail-fast")).isEqualTo(false);
        assertThat((Map<String, Object>) strategy.get("matrix")).containsEntry("index", "${{ fromJSON(needs.plan.outputs.indices) }}");
        Map<String, Object> merge = (Map<String, Object>) jobs.get("merge");
        assertThat(merge.get("needs")).isEqualTo("shard");
        assertThat((Map<String, Object>) merge.get("permissions")).containsEntry("contents", "write").containsEntry("pull-requests", "write");

        Map<String, Object> upload = steps(load("sharded-audit.yml"), "shard").stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith("actions/upload-artifact@")).findFirst().orElseThrow();
        assertThat(with(upload)).containsEntry("name", "shard-${{ matrix.index }}");
        Map<String, Object> download = steps(load("sharded-audit.yml"), "merge").stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith("actions/download-artifact@")).findFirst().orElseThrow();
        assertThat(with(download)).containsEntry("pattern", "shard-*");
    }

    @Test
    void theShardStepPassesItsIndexAndReadsTheKeyByNameAndNoScriptInterpolatesAnExpression() throws IOException {
        Map<String, Object> wf = load("sharded-audit.yml");
        Map<String, Object> audit = step(wf, "shard", "Run shard");
        assertThat((String) audit.get("run")).contains("--shard \"$SHARD\"").contains("--api-key-env CLAIMCHECK_API_KEY")
                .contains("./jbang audit@. --recipe \"$RECIPE\"");
        assertThat(env(audit)).containsEntry("SHARD", "${{ matrix.index }}/${{ inputs.shards }}")
                .containsEntry("CLAIMCHECK_API_KEY", "${{ secrets[inputs.endpoint-secret] }}");
        for (String job : List.of("plan", "shard", "merge")) {
            for (Map<String, Object> s : steps(wf, job)) {
                if (s.get("run") != null) {
                    assertThat((String) s.get("run")).as("%s: %s", job, s.get("name")).doesNotContain("${{");
                }
            }
        }
        String merge = (String) step(wf, "merge", "Merge").get("run");
        assertThat(merge).contains("./jbang audit@. --merge").contains("--sign \"$key\"").contains("./jbang verify@.");
        assertThat((String) step(wf, "merge", "Open the submission").get("run")).contains("gh pr create");
    }

    @Test
    void secretsAppearOnlyInTheEnvironmentOfTheStepsThatNeedThem() throws IOException {
        String text = Files.readString(WorkflowsTest.WORKFLOWS.resolve("sharded-audit.yml"));
        Matcher m = Pattern.compile("secrets[.\\[][^}]*").matcher(text);
        List<String> uses = m.results().map(r -> r.group().strip()).toList();
        assertThat(uses).containsExactlyInAnyOrder("secrets[inputs.endpoint-secret]", "secrets.CLAIMCHECK_SIGNING_KEY",
                "secrets.CLAIMCHECK_SIGNING_KEY");
        assertThat(text).as("the signing key is removed after use").contains("rm -f \"$key\"");
    }

    @Test
    void thePlanStepListsTheIndicesAsJson(@TempDir Path ws) throws Exception {
        String script = (String) step(load("sharded-audit.yml"), "plan", "List the shard indices").get("run");
        var r = WorkflowsTest.bash(ws, "export SHARDS=3\n" + script, "");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(Files.readString(ws.resolve("github_output"))).isEqualTo("indices=[0,1,2]\n");
        var bad = WorkflowsTest.bash(ws, "export SHARDS=0\n" + script, "");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.out()).contains("shards must be 1..256");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theIndexedJobGivesEachPodItsShardAndSizesItForTheSandbox() throws IOException {
        Map<String, Object> job = yaml(K8S.resolve("audit-shards.yaml"));
        assertThat(job).containsEntry("apiVersion", "batch/v1").containsEntry("kind", "Job");
        Map<String, Object> spec = (Map<String, Object>) job.get("spec");
        assertThat(spec).containsEntry("completionMode", "Indexed");
        Map<String, Object> container = container(job);
        Map<String, Object> env = envOf(container);
        assertThat(spec.get("completions")).isEqualTo(spec.get("parallelism"));
        assertThat(env.get("SHARDS")).isEqualTo(String.valueOf(spec.get("completions")));
        String script = String.join("\n", (List<String>) container.get("args"));
        assertThat(script).contains("--shard \"$JOB_COMPLETION_INDEX/$SHARDS\"").contains("--api-key-env CLAIMCHECK_API_KEY")
                .contains("claimcheck audit --resume").contains("claimcheck sign");
        assertThat((Map<String, Object>) ((Map<String, Object>) env.get("CLAIMCHECK_API_KEY")).get("valueFrom")).containsKey("secretKeyRef");
        Map<String, Object> resources = (Map<String, Object>) container.get("resources");
        assertThat((Map<String, Object>) resources.get("requests")).containsKeys("cpu", "memory");
        assertThat((Map<String, Object>) resources.get("limits")).containsKey("memory");
        Map<String, Object> security = (Map<String, Object>) container.get("securityContext");
        assertThat((Map<String, Object>) security.get("seccompProfile")).containsEntry("type", "Unconfined");
        assertThat(security).containsEntry("allowPrivilegeEscalation", false).doesNotContainKey("privileged");
        assertThat(((Map<String, Object>) podSpec(job)).get("restartPolicy")).isEqualTo("Never");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theShardsAndTheMergeShareOneReadWriteManyVolumeAndOneImage() throws IOException {
        Map<String, Object> pvc = yaml(K8S.resolve("results-volume.yaml"));
        String claim = (String) ((Map<String, Object>) pvc.get("metadata")).get("name");
        assertThat((List<String>) ((Map<String, Object>) pvc.get("spec")).get("accessModes")).containsExactly("ReadWriteMany");
        Map<String, Object> shards = yaml(K8S.resolve("audit-shards.yaml"));
        Map<String, Object> merge = yaml(K8S.resolve("audit-merge.yaml"));
        for (Map<String, Object> job : List.of(shards, merge)) {
            List<Map<String, Object>> volumes = (List<Map<String, Object>>) podSpec(job).get("volumes");
            assertThat(volumes).anySatisfy(v -> assertThat((Map<String, Object>) v.get("persistentVolumeClaim"))
                    .containsEntry("claimName", claim));
        }
        assertThat(container(merge).get("image")).isEqualTo(container(shards).get("image"));
        String mergeScript = String.join("\n", (List<String>) container(merge).get("args"));
        assertThat(mergeScript).contains("claimcheck audit --merge").contains("--sign").contains("claimcheck verify");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theImageHasTheSandboxAndEveryCommandTheManifestsCall() throws IOException {
        String dockerfile = Files.readString(REPO.resolve("Dockerfile"));
        assertThat(dockerfile).contains("bubblewrap").contains("COPY deploy/claimcheck /usr/local/bin/claimcheck")
                .contains("ENTRYPOINT [\"claimcheck\"]");
        assertThat(Files.isExecutable(REPO.resolve("deploy/claimcheck"))).isTrue();
        for (String file : List.of("audit-shards.yaml", "audit-merge.yaml")) {
            String script = String.join("\n", (List<String>) container(yaml(K8S.resolve(file))).get("args"));
            Matcher m = Pattern.compile("claimcheck (\\w+)").matcher(script);
            while (m.find()) {
                assertThat(REPO.resolve("audit-scripts/" + m.group(1) + ".java")).as(file).exists();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> step(Map<String, Object> wf, String job, String namePrefix) {
        return steps(wf, job).stream().filter(s -> String.valueOf(s.get("name")).startsWith(namePrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no step '" + namePrefix + "' in " + job));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(Map<String, Object> step) {
        return (Map<String, Object>) step.getOrDefault("env", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> podSpec(Map<String, Object> job) {
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) job.get("spec")).get("template")).get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> job) {
        return ((List<Map<String, Object>>) podSpec(job).get("containers")).get(0);
    }

    /** A container's env as name → value (a string) or name → the entry (for valueFrom). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> envOf(Map<String, Object> container) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) container.get("env")) {
            out.put((String) e.get("name"), e.containsKey("value") ? e.get("value") : e);
        }
        return out;
    }
}
