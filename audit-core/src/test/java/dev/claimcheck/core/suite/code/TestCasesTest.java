package dev.claimcheck.core.suite.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.code.CodeTest;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/** LiveCodeBench test-case fields, plain and base64(zlib(pickle)), and the data-only pickle reader's refusals. */
class TestCasesTest {
    // pickle.dumps('[{"input": "1", "output": "2", "testtype": "stdin"}]', protocol=5)
    static final String PICKLED_STR = "80059538000000000000008c345b7b22696e707574223a202231222c20226f7574707574223a202232222c"
            + "20227465737474797065223a2022737464696e227d5d942e";

    @Test
    void aPlainJsonFieldIsRead() {
        List<CodeTest> tests = TestCases.parse("[{\"input\":\"[1]\",\"output\":\"1\",\"testtype\":\"functional\"}]", "t", "f");
        assertThat(tests).containsExactly(new CodeTest("[1]", "1", CodeTest.Kind.CALL, "f"));
    }

    @Test
    void aCompressedPickledFieldIsRead() throws Exception {
        String field = Base64.getEncoder().encodeToString(zlib(HexFormat.of().parseHex(PICKLED_STR)));
        assertThat(TestCases.parse(field, "t", null)).containsExactly(new CodeTest("1", "2", CodeTest.Kind.STDIN, null));
    }

    @Test
    void picklesOfPlainDataAreReadAndCodeOpcodesRefused() {
        // pickle.dumps({'a': [1, None, True], 'b': 'x'}, protocol=4)
        Object v = PickleReader.read(HexFormat.of().parseHex(
                "80049519000000000000007d94288c0161945d94284b014e88658c0162948c017894752e"));
        assertThat(v).isEqualTo(Map.of("a", java.util.Arrays.asList(1L, null, true), "b", "x"));
        // pickle.dumps(os.system, protocol=4) names a callable with STACK_GLOBAL (0x93): refused.
        assertThatThrownBy(() -> PickleReader.read(HexFormat.of().parseHex(
                "80049514000000000000008c05706f736978948c0673797374656d9493942e")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("opcode 0x93 is not supported");
    }

    @Test
    void aDecompressionBombAndGarbageAreRefused() throws Exception {
        byte[] zeros = new byte[TestCases.MAX_INFLATED_BYTES + 1];
        String bomb = Base64.getEncoder().encodeToString(zlib(zeros));
        assertThatThrownBy(() -> TestCases.parse(bomb, "t", null)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("decompresses to more than");
        assertThatThrownBy(() -> TestCases.parse("not base64 !", "t", null)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("neither a JSON list nor base64");
        assertThatThrownBy(() -> TestCases.parse("[{\"input\":\"1\"}]", "row", null)).isInstanceOf(BadInputException.class)
                .hasMessage("row[0]: needs string input and output");
    }

    static byte[] zlib(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(9))) {
            z.write(data);
        }
        return out.toByteArray();
    }
}
