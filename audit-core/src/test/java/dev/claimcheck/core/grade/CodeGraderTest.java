package dev.claimcheck.core.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.grade.code.CodeSpec;
import dev.claimcheck.core.grade.code.CodeSpecJson;
import dev.claimcheck.core.grade.code.CodeTest;
import dev.claimcheck.core.grade.sandbox.Sandbox;
import dev.claimcheck.core.model.CodeDetail;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.testing.Prerequisite;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Programs against tests, one edge case each; programs run in the real sandbox. */
class CodeGraderTest {
    static final CodeGrader GRADER = new CodeGrader();
    static final String SUM = stdinSpec(1_000, "1 2\n", "3\n", "10 -4\n", "6\n", "HIDDEN-INPUT 5\n", "HIDDEN-OUTPUT\n");

    @BeforeAll
    static void needsBubblewrap() {
        Prerequisite.SANDBOX.require(Sandbox.system().unavailableReason());
    }

    static String stdinSpec(long timeLimitMs, String... inOut) {
        List<CodeTest> tests = new java.util.ArrayList<>();
        for (int i = 0; i < inOut.length; i += 2) {
            tests.add(new CodeTest(inOut[i], inOut[i + 1], CodeTest.Kind.STDIN, null));
        }
        return CodeSpecJson.write(new CodeSpec("python", tests, timeLimitMs, 256));
    }

    static String py(String program) {
        return "Here is my solution:\n```python\n" + program + "```\n";
    }

    static CodeDetail detail(Verdict v) {
        return CodeDetail.parse(v.detail()).orElseThrow();
    }

    @Test
    void aCorrectProgramIsAcceptedWithPerTestVerdictsAndTheInterpreter() {
        String spec = stdinSpec(6_000, "1 2\n", "3\n", "10 -4\n", "6.0\n");
        Verdict v = GRADER.grade(py("a, b = map(int, input().split())\nprint(a + b)\n"), spec);
        CodeDetail d = detail(v);
        assertThat(v.correct()).as(v.detail()).isTrue();
        assertThat(v.score()).isEqualTo(1.0);
        assertThat(v.extracted()).isEqualTo("last ```python block (1 of 1 blocks)");
        assertThat(v.expected()).isEqualTo(CodeGrader.testsRef(spec));
        assertThat(d.verdict()).isEqualTo("accepted");
        assertThat(d.tests()).hasSize(2).allSatisfy(t -> assertThat(t.verdict()).isEqualTo("accepted"));
        assertThat(d.interpreter()).startsWith("/usr/bin/python3 (Python 3.");
    }

    @Test
    void aWrongAnswerStopsAtTheFirstFailureAndNamesNoTestContent() {
        Verdict v = GRADER.grade(py("a, b = input().split()\nprint(int(a) + int(b) if a != 'HIDDEN-INPUT' else 0)\n"), SUM);
        CodeDetail d = detail(v);
        assertThat(v.correct()).isFalse();
        assertThat(d.verdict()).isEqualTo("wrongAnswer");
        assertThat(d.tests()).extracting(CodeDetail.Test::verdict).containsExactly("accepted", "accepted", "wrongAnswer");
        assertThat(d.message()).isEqualTo("test 3 of 3: output differs");
        assertThat(v.detail() + v.expected() + v.extracted()).doesNotContain("HIDDEN");
    }

    @Test
    void aRuntimeErrorRecordsOnlyTheExceptionType() {
        Verdict v = GRADER.grade(py("import sys\nprint(sys.stdin.read(), file=sys.stderr)\nraise ValueError(open(0).read())\n"), SUM);
        assertThat(detail(v).verdict()).isEqualTo("runtimeError");
        assertThat(detail(v).message()).isEqualTo("test 1 of 3: exit 1, ValueError");
    }

    @Test
    void aSyntaxErrorIsACompileError() {
        assertThat(detail(GRADER.grade(py("print(1\n"), SUM)).verdict()).isEqualTo("compileError");
    }

    @Test
    void anEndlessLoopIsATimeLimit() {
        Verdict v = GRADER.grade(py("while True:\n    pass\n"), SUM);
        assertThat(detail(v).verdict()).isEqualTo("timeLimit");
        assertThat(detail(v).tests()).hasSize(1);
    }

    @Test
    void aHugeAllocationIsAMemoryLimit() {
        assertThat(detail(GRADER.grade(py("x = bytearray(64 << 30)\n"), SUM)).verdict()).isEqualTo("memoryLimit");
    }

    @Test
    void invalidUtf8OutputIsAWrongAnswerNotACrash() {
        Verdict v = GRADER.grade(py("import sys\nsys.stdout.buffer.write(b'\\xff\\xfe3\\n')\n"), SUM);
        assertThat(detail(v).verdict()).isEqualTo("wrongAnswer");
    }

    @Test
    void noCodeBlockOrTheWrongLanguageIsACompileErrorSaySo() {
        Verdict none = GRADER.grade("The answer is to add the numbers.", SUM);
        assertThat(detail(none).verdict()).isEqualTo("compileError");
        assertThat(detail(none).message()).isEqualTo("no program: no fenced code block");
        assertThat(none.extracted()).isNull();
        Verdict java = GRADER.grade("```java\nclass Main {}\n```", SUM);
        assertThat(detail(java).message()).isEqualTo("no program: no ```python block (found: java)");
    }

    @Test
    void aFiveMegabyteProgramIsRefusedBeforeRunning() {
        Verdict v = GRADER.grade(py("# " + "x".repeat(5 << 20) + "\nprint(3)\n"), SUM);
        assertThat(detail(v).verdict()).isEqualTo("compileError");
        assertThat(detail(v).message()).contains("over the 1048576-byte limit");
        assertThat(detail(v).tests()).isEmpty();
    }

    @Test
    void callBasedTestsCallTheSolutionMethodWithJsonArguments() {
        String spec = CodeSpecJson.write(new CodeSpec("python", List.of(
                new CodeTest("[2, 7, 11, 15]\n9", "[0, 1]", CodeTest.Kind.CALL, "twoSum"),
                new CodeTest("[3, 3]\n6", "[0, 1]", CodeTest.Kind.CALL, "twoSum")), 6_000, 256));
        Verdict v = GRADER.grade(py("""
                class Solution:
                    def twoSum(self, nums: List[int], target: int) -> List[int]:
                        print('debug output goes to stderr')
                        seen = {}
                        for i, x in enumerate(nums):
                            if target - x in seen:
                                return (seen[target - x], i)
                            seen[x] = i
                """), spec);
        assertThat(v.correct()).as(v.detail()).isTrue();
    }

    static String javaSpec(String... inOut) {
        List<CodeTest> tests = new java.util.ArrayList<>();
        for (int i = 0; i < inOut.length; i += 2) {
            tests.add(new CodeTest(inOut[i], inOut[i + 1], CodeTest.Kind.STDIN, null));
        }
        return CodeSpecJson.write(new CodeSpec("java", tests, 6_000, 256));
    }

    static String java(String program) {
        return "```java\n" + program + "```\n";
    }

    @Test
    void javaIsCompiledInProcessAndRunInTheSandbox() {
        String spec = javaSpec("1 2\n", "3\n", "5 7\n", "12\n");
        Verdict v = GRADER.grade(java("""
                import java.util.Scanner;
                public class Main {
                    public static void main(String[] args) {
                        Scanner in = new Scanner(System.in);
                        System.out.println(in.nextLong() + in.nextLong());
                    }
                }
                """), spec);
        assertThat(v.correct()).as(v.detail()).isTrue();
        assertThat(detail(v).interpreter()).contains("/bin/java (17");
    }

    @Test
    void javaCompileErrorsExceptionsAndHeapExhaustion() {
        String spec = javaSpec("1 2\n", "3\n");
        Verdict compile = GRADER.grade(java("class Main { void f() { int x = \"s\"; } }\n"), spec);
        assertThat(detail(compile).verdict()).isEqualTo("compileError");
        assertThat(detail(compile).message()).startsWith("line 1: incompatible types");
        Verdict thrown = GRADER.grade(java("class Main { public static void main(String[] a) { int z = 0; System.out.println(1 / z); } }\n"), spec);
        assertThat(detail(thrown).message()).isEqualTo("test 1 of 1: exit 1, java.lang.ArithmeticException");
        Verdict heap = GRADER.grade(java("class Main { public static void main(String[] a) { long[][] x = new long[1 << 20][];"
                + " for (int i = 0; ; i++) x[i] = new long[1 << 20]; } }\n"), spec);
        assertThat(detail(heap).verdict()).as(heap.detail()).isEqualTo("memoryLimit");
    }

    @Test
    void aBadSpecIsASandboxErrorWithTheReason() {
        Verdict v = GRADER.grade(py("print(1)\n"), "{\"language\":\"python\",\"tests\":[{\"input\":\"1\"}]}");
        assertThat(detail(v).verdict()).isEqualTo("sandboxError");
        assertThat(detail(v).message()).isEqualTo("bad test spec: tests[0] is missing output");
    }
}
