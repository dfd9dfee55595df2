package dev.claimcheck.core.grade.sandbox;

import dev.claimcheck.core.testing.Prerequisite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Escape attempts from issue 15, as real programs in the real sandbox: reaching the harness's environment through
 * bwrap's init (PID 1), steering or reading other processes, new namespaces, mounts and the other calls the seccomp
 * filter denies, and filling /tmp with files. Each row asserts the errno the program got; ordinary programs (fork,
 * threads, subprocess, multiprocessing) keep working. docs/design/sandbox.md names the row behind each denial.
 */
class SandboxEscapeTest {
    static final String PY = SandboxTest.PY;
    static final SandboxLimits LIMITS = SandboxTest.LIMITS;
    /** The only variables a sandboxed program (or anything it can read) may see: the harness's, and PWD (bwrap, = /tmp). */
    static final Set<String> ALLOWED_ENV = Set.of("PATH", "HOME", "LANG", "PYTHONDONTWRITEBYTECODE", "PWD");

    /** Reads every environment block it can reach, its own, a child's and PID 1's, as "path: KEY KEY …" lines. */
    static final String ENVIRON_PROBE = """
            import os, subprocess, sys
            child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(5)'])
            paths = ['/proc/1/environ', '/proc/self/environ']
            paths += ['/proc/%s/environ' % p for p in sorted(os.listdir('/proc')) if p.isdigit()]
            for p in paths:
                try:
                    blob = open(p, 'rb').read()
                    print('env', p + ':', ' '.join(v.split(b'=', 1)[0].decode() for v in blob.split(b'\\0') if v))
                    print('raw', p + ':', blob)
                except OSError as e:
                    print('denied', p, type(e).__name__)
            child.kill()
            """;

    /** Calls through libc by hand, printing "result OK" or "result ERRNONAME". */
    static final String PRELUDE = """
            import ctypes, errno, os, sys
            libc = ctypes.CDLL(None, use_errno=True)
            libc.syscall.restype = ctypes.c_long
            def report(r):
                e = ctypes.get_errno()
                print('result', 'OK' if r != -1 else errno.errorcode.get(e, str(e)))
            def call(f, *args):
                ctypes.set_errno(0)
                r = f(*args)
                report(r)
                return r
            def sys_(nr, *args):
                ctypes.set_errno(0)
                r = libc.syscall(ctypes.c_long(nr), *[ctypes.c_long(a) if isinstance(a, int) else a for a in args])
                if r == 0 and nr in (56, 435):
                    os._exit(0)  # a child that should never have been created leaves at once
                report(r)
            CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWNET, SIGCHLD = 0x00020000, 0x10000000, 0x40000000, 17
            """;

    final String marker = "claimcheck-escape-" + UUID.randomUUID();
    final Sandbox sandbox = Sandbox.system();

    @BeforeEach
    void needsBubblewrap() {
        Prerequisite.SANDBOX.require(sandbox.unavailableReason());
    }

    @AfterEach
    void noStrayProcessRemains() throws Exception {
        assertThat(SandboxTest.waitForNoProcessWith(marker)).as("processes still carrying " + marker).isEmpty();
    }

    SandboxResult python(String program, SandboxLimits limits) throws SandboxException {
        return sandbox.run(new SandboxRequest(List.of(PY, "-I", "/box/main.py", marker),
                Map.of("main.py", program.getBytes(StandardCharsets.UTF_8)), null, limits));
    }

    static String out(SandboxResult r) {
        return new String(r.stdout(), StandardCharsets.UTF_8);
    }

    /**
     * The grading JVM's environment must not reach the sandbox. A child JVM holding canary secrets (the test's own
     * environment may hold none) runs the environment probe; every block the program reads has only the harness's
     * keys, and bwrap's init is out of sight.
     */
    @Test
    void noVariableOfTheLaunchingProcessReachesTheSandbox() throws Exception {
        String canary = "sk-canary-" + UUID.randomUUID();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EnvLeakProbe.class.getName(), canary);
        pb.environment().putAll(Map.of("OPENAI_API_KEY", canary, "GITHUB_TOKEN", canary, "AWS_SECRET_ACCESS_KEY",
                canary, "CLAIMCHECK_CANARY_SECRET", canary));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("the launcher really holds the secret").contains("launcher-sees-canary=true");
        assertThat(output).contains("exit=0").doesNotContain(canary).doesNotContain(canary.substring(3, 20));
        assertThat(output).contains("denied /proc/1/environ FileNotFoundError");
        Matcher m = Pattern.compile("(?m)^env (\\S+): (.*)$").matcher(output);
        Set<String> readable = new TreeSet<>();
        while (m.find()) {
            readable.add(m.group(1));
            for (String key : m.group(2).split(" ")) {
                assertThat(ALLOWED_ENV).as("variable %s in %s", key, m.group(1)).contains(key);
            }
        }
        // Its own block and its child's at least: the probe really read environments.
        assertThat(readable).as(output).contains("/proc/self/environ").hasSizeGreaterThanOrEqualTo(3);
    }

    static Stream<Arguments> denied() {
        return Stream.of(
                // bwrap's init (PID 1) runs under the program's uid: hidden, and not traceable.
                row("/proc/1/environ", "open('/proc/1/environ','rb').read()", "FileNotFoundError"),
                row("/proc/1/mem", "open('/proc/1/mem','rb').read(1)", "FileNotFoundError"),
                row("/proc/1/task/1/mem", "open('/proc/1/task/1/mem','rb').read(1)", "FileNotFoundError"),
                row("ptrace(PTRACE_ATTACH, 1)", "call(libc.ptrace, 16, 1, 0, 0)", "result EPERM"),
                row("ptrace(PTRACE_SEIZE, 1)", "call(libc.ptrace, 0x4206, 1, 0, 0)", "result EPERM"),
                row("ptrace(PTRACE_TRACEME)", "call(libc.ptrace, 0, 0, 0, 0)", "result EPERM"),
                row("ptrace of its own child", """
                        pid = os.fork()
                        if pid == 0:
                            import time; time.sleep(2); os._exit(0)
                        call(libc.ptrace, 16, pid, 0, 0); os.kill(pid, 9)""", "result EPERM"),
                row("process_vm_readv of PID 1", "sys_(310, 1, 0, 0, 0, 0, 0)", "result EPERM"),
                row("process_vm_writev of PID 1", "sys_(311, 1, 0, 0, 0, 0, 0)", "result EPERM"),
                // New namespaces: the way to a fresh, uncapped tmpfs.
                row("unshare(CLONE_NEWUSER)", "call(libc.unshare, CLONE_NEWUSER)", "result EPERM"),
                row("unshare(CLONE_NEWNS)", "call(libc.unshare, CLONE_NEWNS)", "result EPERM"),
                row("unshare(CLONE_NEWUSER|CLONE_NEWNS)", "call(libc.unshare, CLONE_NEWUSER | CLONE_NEWNS)",
                        "result EPERM"),
                row("unshare(CLONE_NEWNET)", "call(libc.unshare, CLONE_NEWNET)", "result EPERM"),
                row("os.unshare (Python 3.12+)", """
                        if hasattr(os, 'unshare'):
                            try:
                                os.unshare(os.CLONE_NEWUSER); print('result OK')
                            except OSError as e:
                                print('result', errno.errorcode[e.errno])
                        else:
                            print('result absent')""", "result (EPERM|absent)"),
                row("setns into its own user namespace", "call(libc.setns, os.open('/proc/self/ns/user', os.O_RDONLY), 0)",
                        "result EPERM"),
                row("clone(CLONE_NEWUSER)", "sys_(56, CLONE_NEWUSER | SIGCHLD, 0, 0, 0, 0)", "result EPERM"),
                row("clone(CLONE_NEWNS|CLONE_NEWNET)", "sys_(56, CLONE_NEWNS | CLONE_NEWNET | SIGCHLD, 0, 0, 0, 0)",
                        "result EPERM"),
                row("clone3 (flags unreadable to a filter)", """
                        args = (ctypes.c_uint64 * 11)(); args[0] = CLONE_NEWUSER; args[4] = SIGCHLD
                        sys_(435, ctypes.byref(args), 88)""", "result ENOSYS"),
                row("the original exploit: user+mount namespace, tmpfs, 256 MiB", """
                        if libc.unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0:
                            report(-1)
                        else:
                            open('/proc/self/uid_map', 'w').write('0 65534 1')
                            os.makedirs('/tmp/m', exist_ok=True)
                            libc.mount(b'none', b'/tmp/m', b'tmpfs', 0, None)
                            with open('/tmp/m/big', 'wb') as f:
                                for _ in range(256):
                                    f.write(b'x' * (1 << 20))
                            print('result OK')""", "result EPERM"),
                // Mounts, old and new API.
                row("mount tmpfs", "os.makedirs('/tmp/m'); call(libc.mount, b'none', b'/tmp/m', b'tmpfs', 0, None)",
                        "result EPERM"),
                row("umount2(/tmp)", "call(libc.umount2, b'/tmp', 2)", "result EPERM"),
                row("pivot_root", "sys_(155, b'/tmp', b'/tmp')", "result EPERM"),
                row("chroot", "call(libc.chroot, b'/tmp')", "result EPERM"),
                row("fsopen(tmpfs)", "sys_(430, b'tmpfs', 0)", "result EPERM"),
                row("open_tree", "sys_(428, -100, b'/tmp', 1)", "result EPERM"),
                // Kernel attack surface no test program needs.
                row("add_key", "sys_(248, b'user', b'k', b'v', 1, -2)", "result EPERM"),
                row("keyctl", "sys_(250, 0, -2, 0)", "result EPERM"),
                row("request_key", "sys_(249, b'user', b'k', 0, 0)", "result EPERM"),
                row("bpf", "sys_(321, 0, 0, 0)", "result EPERM"),
                row("perf_event_open", "sys_(298, 0, 0, -1, -1, 0)", "result EPERM"),
                row("userfaultfd", "sys_(323, 0)", "result EPERM"),
                row("io_uring_setup", "p = (ctypes.c_uint8 * 120)(); sys_(425, 8, ctypes.byref(p))", "result EPERM"),
                row("kexec_load", "sys_(246, 0, 0, 0, 0)", "result EPERM"),
                row("init_module", "sys_(175, 0, 0, b'')", "result EPERM"),
                row("finit_module", "sys_(313, 0, b'', 0)", "result EPERM"),
                row("delete_module", "sys_(176, b'ext4', 0)", "result EPERM"));
    }

    static Arguments row(String name, String code, String expected) {
        return Arguments.of(name, code, expected);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("denied")
    void eachEscapeIsDenied(String name, String code, String expected) throws Exception {
        SandboxResult r = python(PRELUDE + "try:\n" + indent(code) + "\nexcept OSError as e:\n    print(type(e).__name__)\n",
                LIMITS);
        assertThat(out(r)).as(name + "; stderr: " + r.stderr()).containsPattern("(?m)^" + expected + "$");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
    }

    static String indent(String code) {
        return code.lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    static Stream<Arguments> inodeFillers() {
        return Stream.of(
                Arguments.of("empty files", "open('/tmp/f%d' % n, 'w').close()"),
                Arguments.of("directories", "os.mkdir('/tmp/d%d' % n)"),
                Arguments.of("symlinks", "os.symlink('/usr', '/tmp/l%d' % n)"));
    }

    /** Issue 15: 119k empty files in 1.5 s. Files, directories and links all stop at the inode cap with ENOSPC. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("inodeFillers")
    void thePrivateTempDirIsCappedInInodes(String kind, String create) throws Exception {
        SandboxLimits limits = LIMITS.withTmpfsInodes(1_000);
        SandboxResult r = python("""
                import errno, os
                n = 0
                try:
                    while n < 1_000_000:
                        CREATE
                        n += 1
                    print('created', n, 'none')
                except OSError as e:
                    print('created', n, errno.errorcode[e.errno])
                """.replace("CREATE", create), limits);
        Matcher m = Pattern.compile("created (\\d+) (\\w+)").matcher(out(r));
        assertThat(m.find()).as(out(r) + r.stderr()).isTrue();
        assertThat(m.group(2)).isEqualTo("ENOSPC");
        // The root directory is one of the inodes.
        assertThat(Integer.parseInt(m.group(1))).isBetween(limits.tmpfsInodes() - 10, limits.tmpfsInodes());
    }

    @Test
    void theDefaultInodeCapHolds() throws Exception {
        SandboxResult r = python("""
                import errno
                n = 0
                try:
                    while n < 1_000_000:
                        open('/tmp/f%d' % n, 'w').close()
                        n += 1
                except OSError as e:
                    print('created', n, errno.errorcode[e.errno])
                """, LIMITS);
        assertThat(out(r)).as(r.stderr()).isEqualTo("created " + (SandboxLimits.DEFAULT.tmpfsInodes() - 1) + " ENOSPC\n");
    }

    @Test
    void manyFilesUnderTheSizeLimitStillStopAtTheByteCap() throws Exception {
        SandboxResult r = python("""
                import errno
                total = 0
                try:
                    for i in range(100):
                        with open('/tmp/f%d' % i, 'wb') as f:
                            for _ in range(8):
                                f.write(b'x' * (1 << 20))
                                f.flush()
                                total += 1
                except OSError as e:
                    print('wrote', total, errno.errorcode[e.errno])
                """, LIMITS);
        assertThat(out(r)).as(r.stderr()).startsWith("wrote ").endsWith(" ENOSPC\n");
        int mib = Integer.parseInt(out(r).split(" ")[1]);
        assertThat(mib).isLessThanOrEqualTo((int) (LIMITS.tmpfsBytes() >> 20));
    }

    @Test
    void noDescriptorOfTheHarnessIsOpenInside() throws Exception {
        SandboxResult r = python("""
                import os
                fd = os.open('/proc/self/fd', os.O_RDONLY | os.O_DIRECTORY)
                for n in sorted(os.listdir(fd), key=int):
                    if int(n) != fd:
                        print(n, os.readlink('/proc/self/fd/' + n))
                """, LIMITS);
        assertThat(out(r).lines().map(l -> l.split(" ")[0]).toList()).as(out(r)).containsExactly("0", "1", "2");
        assertThat(out(r)).doesNotContain("seccomp");
    }

    @Test
    void ordinaryProcessesAndThreadsStillWork() throws Exception {
        SandboxResult r = python("""
                import multiprocessing, os, subprocess, sys, threading
                print('subprocess', subprocess.run([sys.executable, '-c', 'print(6 * 7)'], capture_output=True,
                      text=True).stdout.strip())
                pid = os.fork()
                if pid == 0:
                    os._exit(7)
                print('fork', os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                results = []
                ts = [threading.Thread(target=lambda i=i: results.append(i * i)) for i in range(8)]
                [t.start() for t in ts]; [t.join() for t in ts]
                print('threads', sum(results))
                def work(conn):
                    conn.send(sum(range(10))); conn.close()
                ctx = multiprocessing.get_context('fork')
                a, b = ctx.Pipe()
                p = ctx.Process(target=work, args=(b,)); p.start()
                print('multiprocessing', a.recv()); p.join()
                print('echo', subprocess.run(['/bin/sh', '-c', 'echo hi | cat'], capture_output=True, text=True).stdout.strip())
                """, LIMITS);
        assertThat(out(r)).as(r.stderr()).isEqualTo("""
                subprocess 42
                fork 7
                threads 140
                multiprocessing 45
                echo hi
                """);
    }
}
