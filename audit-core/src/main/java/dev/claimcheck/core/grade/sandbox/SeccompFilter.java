package dev.claimcheck.core.grade.sandbox;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The classic-BPF seccomp program bwrap loads ({@code --seccomp FD}) before it execs the sandboxed program
 * (docs/design/sandbox.md). It denies, with EPERM, every call that would let a program leave or widen its
 * confinement: new namespaces (unshare, setns, clone with a CLONE_NEW* flag), mounts (old and new mount API,
 * pivot_root, chroot), reading or steering other processes (ptrace, process_vm_readv/writev), kernel keyrings, eBPF,
 * perf, userfaultfd, io_uring (its operations bypass this filter), kexec and module loading. clone3 gets ENOSYS: its
 * flags sit in a struct a filter cannot read, and ENOSYS makes libc fall back to clone, whose flags it can. x32
 * calls get ENOSYS; a call from any other ABI (i386 via int 0x80) kills the process: the numbers below mean
 * nothing there.
 */
final class SeccompFilter {
    static final int AUDIT_ARCH_X86_64 = 0xC000003E;
    static final int AUDIT_ARCH_AARCH64 = 0xC00000B7;
    static final int X32_SYSCALL_BIT = 0x40000000;

    static final int RET_KILL_PROCESS = 0x80000000;
    static final int RET_ERRNO = 0x00050000;
    static final int RET_ALLOW = 0x7FFF0000;
    static final int EPERM = 1;
    static final int ENOSYS = 38;

    /** CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET (CLONE_NEWTIME is clone3/unshare only). */
    static final int CLONE_NAMESPACE_FLAGS = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000
            | 0x20000000 | 0x40000000;

    /** Offsets in struct seccomp_data. */
    static final int OFF_NR = 0;
    static final int OFF_ARCH = 4;
    static final int OFF_ARG0_LOW = 16;

    // Classic BPF opcodes.
    static final short LD_W_ABS = 0x20;
    static final short JEQ_K = 0x15;
    static final short JGE_K = 0x35;
    static final short JSET_K = 0x45;
    static final short RET_K = 0x06;

    /** The calls denied outright, by name; each ABI below gives their numbers. */
    static final List<String> DENIED = List.of("unshare", "setns", "mount", "umount2", "pivot_root", "chroot",
            "open_tree", "move_mount", "fsopen", "fsconfig", "fsmount", "fspick", "mount_setattr", "ptrace",
            "process_vm_readv", "process_vm_writev", "keyctl", "add_key", "request_key", "bpf", "perf_event_open",
            "userfaultfd", "io_uring_setup", "io_uring_enter", "io_uring_register", "kexec_load", "kexec_file_load",
            "init_module", "finit_module", "delete_module");

    /** One ABI: its audit arch and syscall numbers (from asm/unistd_64.h and asm-generic/unistd.h). */
    record Abi(String name, int auditArch, boolean x32Bit, Map<String, Integer> numbers) {
        int nr(String call) {
            Integer n = numbers.get(call);
            if (n == null) {
                throw new IllegalStateException(name + " has no number for " + call);
            }
            return n;
        }
    }

    static final Abi X86_64 = new Abi("x86_64", AUDIT_ARCH_X86_64, true, Map.ofEntries(
            Map.entry("unshare", 272), Map.entry("setns", 308), Map.entry("mount", 165), Map.entry("umount2", 166),
            Map.entry("pivot_root", 155), Map.entry("chroot", 161), Map.entry("open_tree", 428),
            Map.entry("move_mount", 429), Map.entry("fsopen", 430), Map.entry("fsconfig", 431),
            Map.entry("fsmount", 432), Map.entry("fspick", 433), Map.entry("mount_setattr", 442),
            Map.entry("ptrace", 101), Map.entry("process_vm_readv", 310), Map.entry("process_vm_writev", 311),
            Map.entry("keyctl", 250), Map.entry("add_key", 248), Map.entry("request_key", 249), Map.entry("bpf", 321),
            Map.entry("perf_event_open", 298), Map.entry("userfaultfd", 323), Map.entry("io_uring_setup", 425),
            Map.entry("io_uring_enter", 426), Map.entry("io_uring_register", 427), Map.entry("kexec_load", 246),
            Map.entry("kexec_file_load", 320), Map.entry("init_module", 175), Map.entry("finit_module", 313),
            Map.entry("delete_module", 176), Map.entry("clone", 56), Map.entry("clone3", 435)));

    static final Abi AARCH64 = new Abi("aarch64", AUDIT_ARCH_AARCH64, false, Map.ofEntries(
            Map.entry("unshare", 97), Map.entry("setns", 268), Map.entry("mount", 40), Map.entry("umount2", 39),
            Map.entry("pivot_root", 41), Map.entry("chroot", 51), Map.entry("open_tree", 428),
            Map.entry("move_mount", 429), Map.entry("fsopen", 430), Map.entry("fsconfig", 431),
            Map.entry("fsmount", 432), Map.entry("fspick", 433), Map.entry("mount_setattr", 442),
            Map.entry("ptrace", 117), Map.entry("process_vm_readv", 270), Map.entry("process_vm_writev", 271),
            Map.entry("keyctl", 219), Map.entry("add_key", 217), Map.entry("request_key", 218), Map.entry("bpf", 280),
            Map.entry("perf_event_open", 241), Map.entry("userfaultfd", 282), Map.entry("io_uring_setup", 425),
            Map.entry("io_uring_enter", 426), Map.entry("io_uring_register", 427), Map.entry("kexec_load", 104),
            Map.entry("kexec_file_load", 294), Map.entry("init_module", 105), Map.entry("finit_module", 273),
            Map.entry("delete_module", 106), Map.entry("clone", 220), Map.entry("clone3", 435)));

    static final List<Abi> ABIS = List.of(X86_64, AARCH64);

    /** One instruction: struct sock_filter. */
    record Insn(short code, int jt, int jf, int k) {
        Insn {
            if (jt < 0 || jt > 255 || jf < 0 || jf > 255) {
                throw new IllegalArgumentException("jump out of range");
            }
        }
    }

    private SeccompFilter() {
    }

    /** The program as instructions: per ABI a block entered on its audit arch; any other arch is killed. */
    static List<Insn> instructions() {
        List<Insn> p = new ArrayList<>();
        p.add(new Insn(LD_W_ABS, 0, 0, OFF_ARCH));
        for (Abi abi : ABIS) {
            List<Insn> block = block(abi);
            p.add(new Insn(JEQ_K, 0, block.size(), abi.auditArch()));
            p.addAll(block);
        }
        p.add(new Insn(RET_K, 0, 0, RET_KILL_PROCESS));
        return p;
    }

    /** Loads the syscall number and decides; ends in ALLOW, so control never falls out of the block. */
    private static List<Insn> block(Abi abi) {
        List<Insn> b = new ArrayList<>();
        b.add(new Insn(LD_W_ABS, 0, 0, OFF_NR));
        if (abi.x32Bit()) {
            // x32 calls share x86_64's audit arch with this bit set in the number: none of them runs.
            b.add(new Insn(JGE_K, 0, 1, X32_SYSCALL_BIT));
            b.add(new Insn(RET_K, 0, 0, RET_ERRNO | ENOSYS));
        }
        for (String call : DENIED) {
            b.add(new Insn(JEQ_K, 0, 1, abi.nr(call)));
            b.add(new Insn(RET_K, 0, 0, RET_ERRNO | EPERM));
        }
        b.add(new Insn(JEQ_K, 0, 1, abi.nr("clone3")));
        b.add(new Insn(RET_K, 0, 0, RET_ERRNO | ENOSYS));
        // clone(flags, …) on both ABIs: the flags are the low word of the first argument.
        b.add(new Insn(JEQ_K, 0, 3, abi.nr("clone")));
        b.add(new Insn(LD_W_ABS, 0, 0, OFF_ARG0_LOW));
        b.add(new Insn(JSET_K, 0, 1, CLONE_NAMESPACE_FLAGS));
        b.add(new Insn(RET_K, 0, 0, RET_ERRNO | EPERM));
        b.add(new Insn(RET_K, 0, 0, RET_ALLOW));
        return b;
    }

    /** The program in the kernel's layout (8 bytes per instruction, native byte order), as bwrap reads it. */
    static byte[] bytes() {
        List<Insn> insns = instructions();
        ByteBuffer buf = ByteBuffer.allocate(insns.size() * 8).order(ByteOrder.nativeOrder());
        for (Insn i : insns) {
            buf.putShort(i.code()).put((byte) i.jt()).put((byte) i.jf()).putInt(i.k());
        }
        return buf.array();
    }
}
