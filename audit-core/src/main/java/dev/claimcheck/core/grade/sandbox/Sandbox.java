package dev.claimcheck.core.grade.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs untrusted programs under bubblewrap (docs/design/sandbox.md): every namespace unshared (no network, own
 * PID namespace whose end kills every process the program started), a minimal read-only root ({@code /usr} and
 * the {@code /lib*}, {@code /bin} links; no home, no repository, no host {@code /tmp}, bwrap's init hidden under an
 * empty {@code /proc/1}), a private tmpfs capped in bytes and inodes as working directory, the program's files
 * read-only in {@link #BOX}, an unprivileged uid (a host uid of its own per concurrent execution, set with setpriv
 * when the harness runs as root, since RLIMIT_NPROC neither binds root nor separates executions sharing a uid;
 * 65534 inside), no further user namespaces ({@code --disable-userns}), a seccomp filter ({@link SeccompFilter}),
 * and rlimits on processes, CPU time, address space, file size and core dumps. The whole chain starts with an
 * emptied environment, so nothing of the harness's (API keys) is reachable inside. Output caps are enforced by the
 * reader; a wall-clock net kills programs that block. Thread-safe; executions are independent.
 */
public final class Sandbox {
    /** Where a request's files appear inside the sandbox, read-only. */
    public static final String BOX = "/box";
    /** Where a request's working copy ({@link SandboxRequest#workdir()}) appears inside the sandbox, writable. */
    public static final String TESTBED = "/testbed";
    static final String BWRAP = "/usr/bin/bwrap";
    static final String SETPRIV = "/usr/bin/setpriv";
    static final String PRLIMIT = "/usr/bin/prlimit";
    static final String UNSHARE = "/usr/bin/unshare";
    static final String MOUNT = "/usr/bin/mount";
    static final String SH = "/bin/sh";
    static final String SETUP_TAG = "claimcheck-sandbox:";
    /** The environment of every process of the chain (setpriv → unshare → sh → prlimit → bwrap): nothing inherited. */
    static final Map<String, String> LAUNCH_ENV = Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8");
    /**
     * Runs in a user and mount namespace of the sandbox uid's own, where it may mount: a tmpfs with the size and
     * inode caps bwrap's {@code --tmpfs} cannot set (it only takes a size), later bound as {@code /tmp}, and gone
     * with the namespace; then the seccomp program opened as fd 3 for {@code bwrap --seccomp 3}, since a JVM cannot
     * hand a child extra descriptors. Arguments: mount options, mount point, filter file, then the command to exec.
     */
    static final String SETUP_SCRIPT = "err=$(" + MOUNT + " -t tmpfs -o \"$1\" claimcheck-tmp \"$2\" 2>&1)"
            + " || { echo \"" + SETUP_TAG + " cannot mount the private /tmp: $err\" >&2; exit 1; };"
            + " command exec 3<\"$3\" || { echo \"" + SETUP_TAG + " cannot open the seccomp filter\" >&2; exit 1; };"
            + " shift 3; exec \"$@\"";
    /** How a failure of the chain before the program (not the program) starts its stderr, with exit status 1. */
    static final List<String> SETUP_FAILURES = List.of("bwrap:", "unshare:", "setpriv:", "prlimit:", SETUP_TAG);
    /** The uid and gid the program sees inside its user namespace. */
    static final int NOBODY = 65534;
    /** Concurrent executions per JVM; each gets its own host uid so RLIMIT_NPROC caps it alone. */
    static final int SLOTS = 64;
    static final int NON_ROOT_NPROC_ALLOWANCE = 2_048;

    static final String BOX_DIR = "box";
    static final String TMP = "tmp";
    static final String FILTER = "seccomp.bpf";
    private static final byte[] SECCOMP = SeccompFilter.bytes();

    private static volatile Sandbox system;

    private final Path staging;
    private final String bwrap;
    private final boolean root;
    private final String unavailable;
    private final int uidBase;
    private final String jdk;
    private final java.util.concurrent.BlockingQueue<Integer> slots = new java.util.concurrent.ArrayBlockingQueue<>(SLOTS);

    /** A sandbox staging under {@code staging} and running the bubblewrap binary at {@code bwrap}. */
    Sandbox(Path staging, String bwrap) {
        this.staging = staging;
        this.bwrap = bwrap;
        this.root = hostUid() == 0;
        this.unavailable = probeTools();
        // Unprivileged host uids with no passwd entry, distinct per JVM (by pid) and per concurrent execution:
        // RLIMIT_NPROC counts every process of a uid on the host, so a shared uid would make it a global pool.
        this.jdk = jdkOutsideUsr();
        this.uidBase = 1_000_000 + (int) (ProcessHandle.current().pid() % 30_000) * SLOTS;
        for (int i = 0; i < SLOTS; i++) {
            slots.add(i);
        }
    }

    /** The sandbox of this machine, with staging directories under java.io.tmpdir. */
    public static Sandbox system() {
        Sandbox s = system;
        if (s == null) {
            synchronized (Sandbox.class) {
                if (system == null) {
                    system = new Sandbox(Path.of(System.getProperty("java.io.tmpdir")), BWRAP);
                }
                s = system;
            }
        }
        return s;
    }

    /** Why no execution can run here (a missing tool), or null when the tools are present. */
    public String unavailableReason() {
        return unavailable;
    }

    /**
     * Runs one request to completion. Never runs anything outside bubblewrap.
     *
     * @throws SandboxException when the sandbox itself cannot start (tools missing, user namespaces refused)
     */
    public SandboxResult run(SandboxRequest request) throws SandboxException {
        if (unavailable != null) {
            throw new SandboxException(unavailable);
        }
        int slot;
        try {
            slot = slots.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted", e);
        }
        Path dir = null;
        try {
            dir = stage(request.files());
            return execute(command(request, dir, uidBase + slot), request);
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
            slots.add(slot);
        }
    }

    /**
     * The full host command line: [setpriv] unshare sh (mount /tmp, open the filter) prlimit bwrap … program, for an
     * execution directory laid out by {@link #stage}.
     */
    List<String> command(SandboxRequest request, Path dir, int hostUid) {
        SandboxLimits l = request.limits();
        List<String> c = new ArrayList<>();
        if (root) {
            c.addAll(List.of(SETPRIV, "--reuid=" + hostUid, "--regid=" + hostUid, "--clear-groups", "--inh-caps=-all"));
        }
        Path tmp = dir.resolve(TMP);
        c.addAll(List.of(UNSHARE, "--user", "--map-root-user", "--mount", "--", SH, "-c", SETUP_SCRIPT, SETUP_TAG,
                "size=" + l.tmpfsBytes() + ",nr_inodes=" + l.tmpfsInodes() + ",mode=0755,nosuid,nodev",
                tmp.toString(), dir.resolve(FILTER).toString()));
        long cpuS = Math.max(1, (l.cpuMs() + 999) / 1000);
        // Not root: the sandbox shares the harness's uid, whose processes and threads (the JVM's included) count
        // too, so the cap is looser by a fixed allowance; run as root (CI does) for the exact cap.
        int nproc = root ? l.maxProcesses() : l.maxProcesses() + NON_ROOT_NPROC_ALLOWANCE;
        c.addAll(List.of(PRLIMIT, "--nproc=" + nproc, "--cpu=" + cpuS + ":" + (cpuS + 1),
                "--fsize=" + l.fileSizeBytes(), "--core=0", "--nofile=256"));
        if (l.addressSpaceBytes() > 0) {
            c.add("--as=" + l.addressSpaceBytes());
        }
        c.add("--");
        c.addAll(List.of(bwrap, "--unshare-all", "--unshare-user", "--disable-userns", "--uid", Integer.toString(NOBODY),
                "--gid", Integer.toString(NOBODY), "--die-with-parent", "--new-session", "--cap-drop", "ALL",
                "--seccomp", "3",
                "--hostname", "sandbox", "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", "/tmp",
                "--setenv", "LANG", "C.UTF-8", "--setenv", "PYTHONDONTWRITEBYTECODE", "1",
                "--ro-bind", "/usr", "/usr"));
        for (String top : List.of("/bin", "/lib", "/lib64", "/lib32", "/sbin")) {
            Path p = Path.of(top);
            if (Files.isSymbolicLink(p)) {
                try {
                    c.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
                } catch (IOException e) {
                    // An unreadable link is left out; the program simply cannot use that path.
                }
            } else if (Files.isDirectory(p)) {
                c.addAll(List.of("--ro-bind", top, top));
            }
        }
        if (jdk != null) {
            // The harness's own JDK, to run Java programs, when it lives outside /usr (e.g. a CI tool cache).
            c.addAll(List.of("--ro-bind", jdk, jdk));
        }
        c.addAll(List.of("--ro-bind-try", "/etc/alternatives", "/etc/alternatives",
                "--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache",
                // bwrap's init is PID 1, of the program's uid: an empty read-only directory over /proc/1 keeps its
                // memory, environment and descriptors out of reach (seccomp already denies ptrace).
                "--proc", "/proc", "--tmpfs", "/proc/1", "--dev", "/dev",
                "--bind", tmp.toString(), "/tmp",
                "--ro-bind", dir.resolve(BOX_DIR).toString(), BOX));
        if (request.workdir() != null) {
            // The one writable host path: the caller's throw-away working copy, never a user's own tree.
            c.addAll(List.of("--bind", request.workdir().toAbsolutePath().toString(), TESTBED));
        }
        c.addAll(List.of(
                // bwrap's own root, /dev and the /proc/1 cover are unbounded tmpfs owned by the sandbox uid: without
                // these, a program could fill host memory with files there. Only the capped /tmp stays writable.
                "--remount-ro", "/proc/1", "--remount-ro", "/dev", "--remount-ro", "/", "--chdir", "/tmp", "--"));
        c.addAll(request.command());
        return c;
    }

    private SandboxResult execute(List<String> command, SandboxRequest request) throws SandboxException {
        SandboxLimits l = request.limits();
        long start = System.nanoTime();
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().clear();
            pb.environment().putAll(LAUNCH_ENV);
            p = pb.start();
        } catch (IOException e) {
            throw new SandboxException("cannot start bubblewrap: " + e.getMessage(), e);
        }
        Capture out = new Capture(p.getInputStream(), l.maxStdoutBytes(), true, p);
        Capture err = new Capture(p.getErrorStream(), l.maxStderrBytes(), false, p);
        Thread feeder = daemon(() -> feed(p.getOutputStream(), request.stdin()), "sandbox-stdin");
        Thread outReader = daemon(out, "sandbox-stdout");
        Thread errReader = daemon(err, "sandbox-stderr");
        boolean wallTimeout = false;
        try {
            if (!p.waitFor(l.wallMs(), TimeUnit.MILLISECONDS)) {
                wallTimeout = true;
                p.destroyForcibly();
                p.waitFor();
            }
            // The PID namespace ends with bwrap, so every writer of the pipes is gone and the readers reach EOF.
            outReader.join(5_000);
            errReader.join(5_000);
            feeder.join(1_000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted", e);
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        int exit = wallTimeout || out.overflow ? -1 : p.exitValue();
        String stderr = new String(err.bytes(), StandardCharsets.UTF_8);
        if (exit == 1 && SETUP_FAILURES.stream().anyMatch(stderr::startsWith)) {
            // The chain's own failure (user namespaces refused, a mount or bind failed): the program never ran.
            throw new SandboxException("the sandbox could not start: " + stderr.strip());
        }
        return new SandboxResult(exit, out.bytes(), stderr, out.overflow, wallTimeout, wallMs);
    }

    private static void feed(OutputStream in, byte[] bytes) {
        try (in) {
            in.write(bytes);
        } catch (IOException e) {
            // The program closed stdin or exited early: the rest of its input is not needed.
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Reads a stream to EOF, keeping at most {@code cap} bytes; past the cap, kills the process or drops. */
    private static final class Capture implements Runnable {
        private final InputStream in;
        private final int cap;
        private final boolean killOnOverflow;
        private final Process process;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        volatile boolean overflow;

        Capture(InputStream in, int cap, boolean killOnOverflow, Process process) {
            this.in = in;
            this.cap = cap;
            this.killOnOverflow = killOnOverflow;
            this.process = process;
        }

        @Override
        public void run() {
            byte[] buf = new byte[64 * 1024];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    int room = cap - kept.size();
                    if (n > room) {
                        kept.write(buf, 0, Math.max(0, room));
                        if (killOnOverflow) {
                            overflow = true;
                            process.destroyForcibly();
                            return;
                        }
                    } else {
                        kept.write(buf, 0, n);
                    }
                }
            } catch (IOException e) {
                // The pipe broke when the process was killed; what was read is kept.
            }
        }

        synchronized byte[] bytes() {
            return kept.toByteArray();
        }
    }

    /**
     * A fresh execution directory: {@code box/} with the program's files (bound read-only at {@link #BOX}),
     * {@code tmp/} (where the capped tmpfs is mounted, inside the execution's own mount namespace only) and the
     * seccomp program. The sandbox uid must read all of it; nobody may write it.
     */
    private Path stage(Map<String, byte[]> files) throws SandboxException {
        try {
            Path dir = Files.createTempDirectory(staging, "claimcheck-box-");
            var dirPerms = PosixFilePermissions.fromString("rwxr-xr-x");
            var filePerms = PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(dir, dirPerms);
            Path box = Files.createDirectory(dir.resolve(BOX_DIR));
            Files.setPosixFilePermissions(box, dirPerms);
            Files.setPosixFilePermissions(Files.createDirectory(dir.resolve(TMP)), dirPerms);
            Files.write(dir.resolve(FILTER), SECCOMP);
            Files.setPosixFilePermissions(dir.resolve(FILTER), filePerms);
            for (var e : files.entrySet()) {
                Path f = box.resolve(e.getKey());
                Files.write(f, e.getValue());
                Files.setPosixFilePermissions(f, filePerms);
            }
            return dir;
        } catch (IOException | UnsupportedOperationException e) {
            throw new SandboxException("cannot stage the program files: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover staging directory holds only the program text; nothing to do.
        }
    }

    private String probeTools() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return "the sandbox needs Linux with bubblewrap; refusing to run untrusted code unsandboxed";
        }
        List<String> tools = new ArrayList<>(List.of(bwrap, PRLIMIT, UNSHARE, MOUNT, SH));
        if (root) {
            tools.add(SETPRIV);
        }
        for (String tool : tools) {
            if (!Files.isExecutable(Path.of(tool))) {
                return tool + " not found (install bubblewrap and util-linux); refusing to run untrusted code unsandboxed";
            }
        }
        return null;
    }

    /** The running JDK's home, symlinks resolved, when it is not under /usr (else null: /usr is bound anyway). */
    private static String jdkOutsideUsr() {
        try {
            Path home = Path.of(System.getProperty("java.home")).toRealPath();
            return home.startsWith("/usr") ? null : home.toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The real uid of this process, from /proc (no JDK API gives it). */
    static int hostUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring(4).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or /proc unreadable: treated as unprivileged; probeTools refuses anyway.
        }
        return -1;
    }
}
