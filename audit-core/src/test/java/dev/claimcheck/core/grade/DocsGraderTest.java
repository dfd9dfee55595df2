package dev.claimcheck.core.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.DocsDetail;
import dev.claimcheck.core.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocsGraderTest {
    static final String DOC = "SERVICES AGREEMENT\n\n1. Either party may terminate this Agreement for convenience on 45 days' "
            + "written notice.\n2. Any dispute shall be settled by arbitration seated in Ghent.\n";
    static final String COMPLY = "{\"task\":\"comply\",\"answer\":\"yes\",\"decisive\":\"45 days\"}";
    static final String KBQA = "{\"task\":\"kbqa\",\"answer\":\"Ghent\"}";
    static final String EXTRACT = "{\"task\":\"extract\",\"fields\":{\"client\":\"Juniper Foods Ltd\",\"termMonths\":\"24\","
            + "\"effectiveDate\":\"2024-03-01\"},\"types\":{\"client\":\"string\",\"termMonths\":\"integer\",\"effectiveDate\":\"date\"}}";
    final DocsGrader grader = new DocsGrader();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            right answer, verbatim clause             | {"answer":"yes","quote":"Either party may terminate this Agreement for convenience on 45 days' written notice."} | true  | grounded
            boolean answer, clause across a newline   | {"answer":true,"quote":"on 45 days'   written notice"}                                                           | true  | grounded
            right answer, fabricated citation         | {"answer":"yes","quote":"The parties agreed that 45 days is the rule."}                                        | false | citation not in the document
            right answer, real text without the fact  | {"answer":"yes","quote":"Either party may terminate this Agreement"}                                          | false | citation does not contain the answer
            right answer, no citation                 | {"answer":"yes"}                                                                                              | false | no citation
            wrong answer, real citation               | {"answer":"no","quote":"Either party may terminate this Agreement for convenience on 45 days' written notice."} | false | wrong answer
            """)
    void complianceChecksNeedTheRightAnswerAndARealCitation(String name, String response, boolean grounded, String reason) {
        Verdict v = grader.grade("Here it is:\n" + response, COMPLY, DOC);
        assertThat(v.correct()).isEqualTo(grounded);
        DocsDetail d = DocsDetail.parse(v.detail()).orElseThrow();
        assertThat(d.reason()).isEqualTo(reason);
    }

    @Test
    void aKnowledgeBaseAnswerMustBeQuotedFromItsSource() {
        assertThat(grader.grade("{\"answer\":\"ghent\",\"quote\":\"arbitration seated in Ghent.\"}", KBQA, DOC).correct()).isTrue();
        assertThat(grader.grade("{\"answer\":\"Ghent\",\"quote\":\"The records name Ghent for this.\"}", KBQA, DOC).correct()).isFalse();
        Verdict withoutDocument = grader.grade("{\"answer\":\"Ghent\",\"quote\":\"The records name Ghent for this.\"}", KBQA);
        assertThat(withoutDocument.detail()).contains("document not available");
    }

    @Test
    void extractionIsExactFieldMatchWithNumbersReadAsNumbers() {
        Verdict all = grader.grade("{\"client\":\"Juniper  Foods Ltd\",\"termMonths\":\"24\",\"effectiveDate\":\"2024-03-01\"}", EXTRACT, DOC);
        assertThat(all.correct()).isTrue();
        Verdict one = grader.grade("{\"client\":\"Juniper Foods\",\"termMonths\":24.0,\"effectiveDate\":\"2024-03-01\"}", EXTRACT, DOC);
        assertThat(one.correct()).isFalse();
        DocsDetail d = DocsDetail.parse(one.detail()).orElseThrow();
        assertThat(d.fields()).isEqualTo(3);
        assertThat(d.fieldsCorrect()).isEqualTo(2);
        assertThat(d.citations()).isZero();
    }

    @Test
    void hostileOutputIsAVerdictNeverACrash() {
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        String huge = "{\"answer\":\"" + "x".repeat(300_000) + "\"}";
        String longString = "{\"answer\":\"" + "y".repeat(100_000) + "\",\"quote\":\"q\"}";
        for (String response : new String[] {deep, huge, longString, "}{", "{{{{", "\u0000\uFFFF", "", null,
                "{\"answer\":[1,2,3],\"quote\":{\"x\":1}}", "{\"client\":{\"nested\":true}}"}) {
            for (String expected : new String[] {COMPLY, KBQA, EXTRACT, "not json", "{\"task\":5}"}) {
                Verdict v = grader.grade(response, expected, DOC);
                assertThat(v.correct()).isFalse();
                assertThat(v.detail()).isNotBlank();
            }
        }
    }
}
