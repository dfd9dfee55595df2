package dev.claimcheck.core.run;

import dev.claimcheck.core.model.RunManifest.HarnessRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The harness's own provenance: version, git commit and whether the work tree had local changes. */
public final class HarnessInfo {
    private HarnessInfo() {
    }

    public static String version() {
        String v = HarnessInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Asks the real git about the checkout at {@code dir}; commit and dirty are null outside a checkout. */
    public static HarnessRef probe(Path dir, Map<String, String> graders) {
        String commit = git(dir, "rev-parse", "HEAD");
        Boolean dirty = null;
        if (commit != null) {
            String status = git(dir, "status", "--porcelain", "--untracked-files=no");
            dirty = status == null ? null : !status.isBlank();
        }
        return new HarnessRef(version(), commit, dirty, graders);
    }

    private static String git(Path dir, String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = dir.toAbsolutePath().toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
