package dev.claimcheck.core.grade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.testing.Prerequisite;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile programs (issue 9's quality bar): each one ends failed or contained, the host is untouched, and no
 * process it started outlives the execution. Every program carries a unique marker in its argv so the test can
 * look for strays in /proc.
 */
class SandboxTest {
    static final String PY = "/usr/bin/python3";
    static final SandboxLimits LIMITS = SandboxLimits.DEFAULT.withCpuMs(2_000);

    final String marker = "claimcheck-hostile-" + UUID.randomUUID();
    final Sandbox sandbox = Sandbox.system();

    @BeforeEach
    void needsBubblewrap() {
        Prerequisite.SANDBOX.require(sandbox.unavailableReason());
    }

    @AfterEach
    void noStrayProcessRemains() throws Exception {
        assertThat(waitForNoProcessWith(marker)).as("processes still carrying " + marker).isEmpty();
    }

    SandboxResult python(String program, String stdin, SandboxLimits limits) throws SandboxException {
        return sandbox.run(new SandboxRequest(List.of(PY, "-I", "/box/main.py", marker),
                Map.of("main.py", program.getBytes(StandardCharsets.UTF_8)),
                stdin.getBytes(StandardCharsets.UTF_8), limits));
    }

    static String out(SandboxResult r) {
        return new String(r.stdout(), StandardCharsets.UTF_8);
    }

    @Test
    void anOrdinaryProgramReadsStdinAndWritesStdout() throws Exception {
        SandboxResult r = python("import sys\nprint(sum(int(x) for x in sys.stdin.read().split()))\n", "1 2 3\n", LIMITS);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(out(r)).isEqualTo("6\n");
    }

    @Test
    void theProgramRunsAsNobodyWithoutNetworkInAMinimalRoot() throws Exception {
        SandboxResult r = python("""
                import os, socket
                print(os.getuid(), os.getgid())
                print(sorted(os.listdir('/')))
                print(socket.if_nameindex())
                """, "", LIMITS);
        assertThat(out(r)).as(r.stderr()).startsWith("65534 65534\n")
                .containsPattern("\\['bin', 'box', 'dev', ('etc', )?'lib', 'lib64', 'proc', ('sbin', )?'tmp', 'usr'\\]")
                .contains("[(1, 'lo')]");
    }

    @Test
    void aForkBombIsCappedAndLeavesNoProcess() throws Exception {
        SandboxResult r = python("""
                import os
                while True:
                    try:
                        os.fork()
                    except OSError:
                        pass
                """, "", LIMITS);
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.wallTimeout() || r.cpuLimitHit()).isTrue();
    }

    @Test
    void anInfiniteLoopHitsTheCpuLimit() throws Exception {
        SandboxResult r = python("while True:\n    pass\n", "", SandboxLimits.DEFAULT.withCpuMs(1_000));
        assertThat(r.cpuLimitHit()).as("exit " + r.exitCode()).isTrue();
        assertThat(r.wallTimeout()).isFalse();
    }

    @Test
    void aSleepingProgramHitsTheWallClockNet() throws Exception {
        SandboxResult r = python("import time\ntime.sleep(60)\n", "", new SandboxLimits(1_000, 1_500, 1L << 30, 8,
                1 << 20, 1 << 10, 1 << 20, 64, 1 << 20));
        assertThat(r.wallTimeout()).isTrue();
        assertThat(r.wallMs()).isLessThan(10_000);
    }

    @Test
    void allocating64GigabytesFailsWithMemoryError() throws Exception {
        SandboxResult r = python("x = bytearray(64 << 30)\nprint('allocated')\n", "", LIMITS);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("MemoryError");
        assertThat(out(r)).doesNotContain("allocated");
    }

    @Test
    void tenGigabytesOnStdoutAreCutAtTheCap() throws Exception {
        SandboxResult r = python("""
                import sys
                b = b'x' * (1 << 20)
                for _ in range(10240):
                    sys.stdout.buffer.write(b)
                """, "", LIMITS);
        assertThat(r.stdoutOverflow()).isTrue();
        assertThat(r.stdout().length).isEqualTo(LIMITS.maxStdoutBytes());
        assertThat(r.wallMs()).isLessThan(10_000);
    }

    @Test
    void writesOutsideThePrivateTempDirNeverReachTheHost() throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        Path hostTmp = Path.of("/tmp", marker);
        Path inRepo = repo.resolve(marker);
        SandboxResult r = python("""
                import sys
                for p in sys.argv[2:]:
                    try:
                        with open(p, 'w') as f:
                            f.write('escaped')
                        print('wrote', p)
                    except OSError as e:
                        print('denied', p, type(e).__name__)
                """.replace("sys.argv[2:]", "['" + hostTmp + "', '" + inRepo + "', '/box/evil', '/usr/evil', '/evil', '/dev/shm/evil']"),
                "", LIMITS);
        // /tmp inside is a private tmpfs, so that write "succeeds" there and vanishes with the sandbox.
        assertThat(out(r)).as(r.stderr()).contains("wrote " + hostTmp, "denied " + inRepo, "denied /box/evil",
                "denied /usr/evil", "denied /evil", "denied /dev/shm/evil");
        assertThat(hostTmp).doesNotExist();
        assertThat(inRepo).doesNotExist();
    }

    @Test
    void thePrivateTempDirIsSizeCapped() throws Exception {
        SandboxResult r = python("""
                try:
                    with open('/tmp/fill', 'wb') as f:
                        for _ in range(200):
                            f.write(b'x' * (1 << 20))
                    print('filled')
                except OSError as e:
                    print('stopped', e.errno)
                """, "", LIMITS);
        // RLIMIT_FSIZE (16 MiB) stops the write (Python ignores SIGXFSZ and sees EFBIG) before the 64 MiB tmpfs is full.
        assertThat(out(r)).as(r.stderr()).isEqualTo("stopped 27\n");
    }

    @Test
    void secretsOfTheHostCannotBeRead() throws Exception {
        SandboxResult r = python("""
                import os
                for p in ['/etc/shadow', '/root/.ssh', os.path.expanduser('~/.ssh'), '/work', '/home', '/etc/passwd']:
                    try:
                        print('read', p, os.listdir(p) if os.path.isdir(p) else open(p).read()[:20])
                    except OSError as e:
                        print('denied', p, type(e).__name__)
                """, "", LIMITS);
        assertThat(out(r)).as(r.stderr()).doesNotContain("read ")
                .contains("denied /etc/shadow", "denied /root/.ssh", "denied /tmp/.ssh", "denied /work", "denied /home");
    }

    @Test
    void aListenerOnTheHostLoopbackIsUnreachable() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            SandboxResult r = python("""
                    import socket
                    try:
                        socket.create_connection(('127.0.0.1', PORT), timeout=2)
                        print('connected')
                    except OSError as e:
                        print('refused', type(e).__name__)
                    """.replace("PORT", Integer.toString(server.getLocalPort())), "", LIMITS);
            assertThat(out(r)).as(r.stderr()).startsWith("refused");
            server.setSoTimeout(200);
            assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aBackgroundProcessDoesNotOutliveTheExecution() throws Exception {
        SandboxResult r = python("""
                import os, subprocess, sys
                subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(300)', sys.argv[1]],
                                 start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                if os.fork() == 0:
                    os.setsid()
                    if os.fork() == 0:
                        import time
                        time.sleep(300)
                    os._exit(0)
                print('spawned')
                """, "", LIMITS);
        assertThat(out(r)).as(r.stderr()).contains("spawned");
        // noStrayProcessRemains checks /proc after the test.
    }

    @Test
    void killEverythingOnlyReachesTheSandbox() throws Exception {
        Process hostChild = new ProcessBuilder("sleep", "30").start();
        try {
            SandboxResult r = python("""
                    import os, subprocess, sys, time
                    child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(300)', sys.argv[1]])
                    time.sleep(0.2)
                    os.kill(-1, 9)
                    print('still here', child.wait())
                    """, "", LIMITS);
            assertThat(out(r)).as(r.stderr()).contains("still here -9");
            assertThat(hostChild.isAlive()).isTrue();
        } finally {
            hostChild.destroyForcibly();
        }
    }

    @Test
    void withoutBubblewrapNothingRuns(@TempDir Path tmp) {
        Sandbox missing = new Sandbox(tmp, tmp.resolve("no-bwrap").toString());
        assertThat(missing.unavailableReason()).contains("not found").contains("refusing to run untrusted code unsandboxed");
        assertThatThrownBy(() -> missing.run(new SandboxRequest(List.of(PY, "-c", "print(1)"), Map.of(), null, LIMITS)))
                .isInstanceOf(SandboxException.class).hasMessageContaining("not found");
    }

    /** The capped /tmp cannot be mounted (the sandbox uid cannot reach the staging directory): no uncapped fallback. */
    @Test
    void whenThePrivateTempDirCannotBeMountedNothingRuns(@TempDir Path tmp) throws Exception {
        Prerequisite.SANDBOX.require(Sandbox.system().unavailableReason());
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Sandbox unreachable = new Sandbox(tmp, Sandbox.BWRAP);
        if (Sandbox.hostUid() != 0) {
            // Not root: the sandbox runs as the harness's own uid, which owns the 0700 directory, so it runs.
            assertThat(unreachable.run(new SandboxRequest(List.of(PY, "-c", "print(1)", marker), Map.of(), null, LIMITS))
                    .exitCode()).isZero();
            return;
        }
        assertThatThrownBy(() -> unreachable.run(new SandboxRequest(List.of(PY, "-c", "print(1)", marker), Map.of(),
                null, LIMITS))).isInstanceOf(SandboxException.class)
                .hasMessageContaining("the sandbox could not start: claimcheck-sandbox: cannot mount the private /tmp");
    }

    /** The pids whose command line contains {@code text}, after giving a dying namespace a moment. */
    static List<String> waitForNoProcessWith(String text) throws Exception {
        List<String> found = List.of();
        for (int i = 0; i < 40; i++) {
            found = processesWith(text);
            if (found.isEmpty()) {
                return found;
            }
            Thread.sleep(50);
        }
        return found;
    }

    static List<String> processesWith(String text) throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
                try {
                    return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).contains(text);
                } catch (IOException e) {
                    return false;
                }
            }).map(p -> p.getFileName().toString()).toList();
        }
    }
}
