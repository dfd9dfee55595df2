package dev.claimcheck.core.grade.sandbox;

import static dev.claimcheck.core.grade.sandbox.SeccompFilter.AARCH64;
import static dev.claimcheck.core.grade.sandbox.SeccompFilter.ENOSYS;
import static dev.claimcheck.core.grade.sandbox.SeccompFilter.EPERM;
import static dev.claimcheck.core.grade.sandbox.SeccompFilter.RET_ALLOW;
import static dev.claimcheck.core.grade.sandbox.SeccompFilter.RET_ERRNO;
import static dev.claimcheck.core.grade.sandbox.SeccompFilter.RET_KILL_PROCESS;
import static dev.claimcheck.core.grade.sandbox.SeccompFilter.X86_64;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.grade.sandbox.SeccompFilter.Abi;
import dev.claimcheck.core.grade.sandbox.SeccompFilter.Insn;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seccomp program, run through a classic-BPF interpreter on (arch, syscall, flags) tables. SandboxEscapeTest
 * proves the same denials on the real kernel; this covers the ABIs and encodings the machine cannot run.
 */
class SeccompFilterTest {
    static final int CLONE_NEWUSER = 0x10000000;
    static final int CLONE_NEWNS = 0x00020000;
    static final int CLONE_NEWNET = 0x40000000;
    /** glibc's fork(): CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD. */
    static final int FORK_FLAGS = 0x01000000 | 0x00200000 | 17;
    /** glibc's pthread_create flags. */
    static final int THREAD_FLAGS = 0x00000100 | 0x00000200 | 0x00000400 | 0x00000800 | 0x00010000 | 0x00040000
            | 0x00080000 | 0x00100000 | 0x00200000;

    static Stream<Arguments> deniedCalls() {
        List<Arguments> rows = new ArrayList<>();
        for (Abi abi : SeccompFilter.ABIS) {
            for (String call : SeccompFilter.DENIED) {
                rows.add(Arguments.of(abi.name(), call));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} → EPERM")
    @MethodSource("deniedCalls")
    void everyDeniedCallGetsEperm(String abiName, String call) {
        Abi abi = abiNamed(abiName);
        assertThat(run(abi.auditArch(), abi.nr(call), 0)).isEqualTo(RET_ERRNO | EPERM);
    }

    static Stream<Arguments> verdicts() {
        return Stream.of(
                // clone: namespaces denied, fork and threads allowed, on both ABIs.
                Arguments.of(X86_64, "clone", CLONE_NEWUSER, RET_ERRNO | EPERM),
                Arguments.of(X86_64, "clone", CLONE_NEWNS | 17, RET_ERRNO | EPERM),
                Arguments.of(X86_64, "clone", CLONE_NEWNET | FORK_FLAGS, RET_ERRNO | EPERM),
                Arguments.of(X86_64, "clone", FORK_FLAGS, RET_ALLOW),
                Arguments.of(X86_64, "clone", THREAD_FLAGS, RET_ALLOW),
                Arguments.of(AARCH64, "clone", CLONE_NEWUSER, RET_ERRNO | EPERM),
                Arguments.of(AARCH64, "clone", FORK_FLAGS, RET_ALLOW),
                Arguments.of(AARCH64, "clone", THREAD_FLAGS, RET_ALLOW),
                // clone3 is never inspected: ENOSYS sends libc back to clone.
                Arguments.of(X86_64, "clone3", 0, RET_ERRNO | ENOSYS),
                Arguments.of(AARCH64, "clone3", 0, RET_ERRNO | ENOSYS));
    }

    @ParameterizedTest(name = "{0} {1} flags {2}")
    @MethodSource("verdicts")
    void cloneIsJudgedByItsFlags(Abi abi, String call, int flags, int expected) {
        assertThat(run(abi.auditArch(), abi.nr(call), flags)).isEqualTo(expected);
    }

    @Test
    void ordinaryCallsAreAllowed() {
        // read, write, openat, mmap, execve, wait4, exit_group, futex on x86_64; read, write, openat, execve on aarch64.
        for (int nr : new int[] {0, 1, 257, 9, 59, 61, 231, 202}) {
            assertThat(run(SeccompFilter.AUDIT_ARCH_X86_64, nr, 0)).as("x86_64 nr " + nr).isEqualTo(RET_ALLOW);
        }
        for (int nr : new int[] {63, 64, 56, 221}) {
            assertThat(run(SeccompFilter.AUDIT_ARCH_AARCH64, nr, 0)).as("aarch64 nr " + nr).isEqualTo(RET_ALLOW);
        }
    }

    @Test
    void foreignAbisAreKilledAndX32GetsEnosys() {
        int i386 = 0x40000003;
        // i386's unshare (310) and any other number: the x86_64 table means nothing there.
        assertThat(run(i386, 310, 0)).isEqualTo(RET_KILL_PROCESS);
        assertThat(run(i386, 3, 0)).isEqualTo(RET_KILL_PROCESS);
        assertThat(run(0x40000028, 0, 0)).as("arm (32-bit)").isEqualTo(RET_KILL_PROCESS);
        int x32Unshare = SeccompFilter.X32_SYSCALL_BIT | 272;
        assertThat(run(SeccompFilter.AUDIT_ARCH_X86_64, x32Unshare, 0)).isEqualTo(RET_ERRNO | ENOSYS);
        assertThat(run(SeccompFilter.AUDIT_ARCH_X86_64, SeccompFilter.X32_SYSCALL_BIT, 0)).isEqualTo(RET_ERRNO | ENOSYS);
    }

    @Test
    void everyAbiNamesEveryDeniedCallAndTheBytesEncodeTheInstructions() {
        for (Abi abi : SeccompFilter.ABIS) {
            for (String call : SeccompFilter.DENIED) {
                assertThat(abi.numbers()).as(abi.name()).containsKey(call);
            }
            // Distinct numbers: a typo giving two calls one number would leave one of them allowed.
            assertThat(abi.numbers().values()).as(abi.name()).doesNotHaveDuplicates();
        }
        List<Insn> insns = SeccompFilter.instructions();
        byte[] bytes = SeccompFilter.bytes();
        assertThat(bytes).hasSize(insns.size() * 8);
        assertThat(decode(bytes)).isEqualTo(insns);
        assertThat(insns.size()).isLessThan(4096);
    }

    static Abi abiNamed(String name) {
        return SeccompFilter.ABIS.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    static List<Insn> decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        List<Insn> out = new ArrayList<>();
        while (b.hasRemaining()) {
            out.add(new Insn(b.getShort(), b.get() & 0xff, b.get() & 0xff, b.getInt()));
        }
        return out;
    }

    /** Runs the encoded program like the kernel does, over a seccomp_data with the given arch, nr and arg0. */
    static int run(int arch, int nr, long arg0) {
        ByteBuffer data = ByteBuffer.allocate(64).order(ByteOrder.nativeOrder());
        data.putInt(0, nr).putInt(4, arch).putLong(16, arg0);
        List<Insn> prog = decode(SeccompFilter.bytes());
        int acc = 0;
        int pc = 0;
        while (true) {
            Insn i = prog.get(pc);
            switch (i.code()) {
                case SeccompFilter.LD_W_ABS -> {
                    acc = data.getInt(i.k());
                    pc++;
                }
                case SeccompFilter.JEQ_K -> pc += 1 + (acc == i.k() ? i.jt() : i.jf());
                case SeccompFilter.JGE_K -> pc += 1 + (Integer.compareUnsigned(acc, i.k()) >= 0 ? i.jt() : i.jf());
                case SeccompFilter.JSET_K -> pc += 1 + ((acc & i.k()) != 0 ? i.jt() : i.jf());
                case SeccompFilter.RET_K -> {
                    return i.k();
                }
                default -> throw new AssertionError("unknown opcode " + i.code());
            }
        }
    }
}
