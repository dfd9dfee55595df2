package dev.claimcheck.core.suite.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A vendor's folder in its published layout: one file per problem, part files folded, grades from both READMEs. */
class VendorFolderTest {
    static final Path FIXTURE = Path.of("src/test/resources/suites/proofs");
    final ProblemSet set = ProblemSet.read(FIXTURE.resolve("set"));

    @TempDir
    Path dir;

    @Test
    void partFilesAreFoldedInPartOrderIntoOneSolution() {
        VendorFolder v = VendorFolder.read(FIXTURE.resolve("vendor"), null, set);
        assertThat(v.solutions()).containsOnlyKeys("1", "2", "3");
        VendorFolder.Imported two = v.solutions().get("2");
        assertThat(two.files()).extracting(InputHash::name).containsExactly("TOY25_Q2-1.md", "TOY25_Q2-2.md");
        assertThat(two.text()).startsWith("## Part 1 of 2\n\n**Part (a).**").contains("## Part 2 of 2\n\n**Part (b).**");
        assertThat(v.solutions().get("1").text()).doesNotContain("## Part");
        assertThat(v.claims()).extractingFromEntries(e -> e.getKey() + "=" + e.getValue().points())
                .containsExactly("1=7.0", "2=7.0", "3=0.0");
    }

    @Test
    void theTwoReadmesMustAgree() throws Exception {
        copyVendor();
        Files.writeString(dir.resolve("README_zh.md"), "#### 第一题\n此题得分**6分**。\n");
        assertThatThrownBy(() -> VendorFolder.read(dir, null, set)).isInstanceOf(BadInputException.class)
                .hasMessage("README_en.md:5 states 7.0 points for problem 1, README_zh.md:2 states 6.0");
    }

    @Test
    void aMapNamesTheProblemOfFilesAndReadmeNumbersTheNamesDoNotTell() throws Exception {
        Files.writeString(dir.resolve("first.md"), "Proof one.");
        Files.writeString(dir.resolve("second.md"), "Proof two.");
        Files.writeString(dir.resolve("third.md"), "Proof three.");
        Files.writeString(dir.resolve("README_en.md"), "#### Problem 9\nThis solution gets **5 points**.\n");
        Path map = dir.resolveSibling(dir.getFileName() + "-map.json");
        Files.writeString(map, """
                {"solutions": {"first.md": "1", "second.md": "2", "third.md": "3"}, "problems": {"9": "3"}}
                """);
        VendorFolder v = VendorFolder.read(dir, map, set);
        assertThat(v.solutions().get("2").text()).isEqualTo("Proof two.");
        assertThat(v.claims()).containsOnlyKeys("3");
        assertThat(v.claims().get("3").points()).isEqualTo(5);
        assertThat(v.inputs()).extracting(InputHash::role).contains("map", "solution", "vendorGrades");
    }

    @Test
    void aFileThatNamesNoProblemIsOneClearLine() throws Exception {
        copyVendor();
        Files.writeString(dir.resolve("notes.md"), "scratch");
        assertThatThrownBy(() -> VendorFolder.read(dir, null, set)).isInstanceOf(BadInputException.class)
                .hasMessageEndingWith("notes.md: cannot tell which problem this solves (name it Q<n>.md or Q<n>-<part>.md, or list it in --map)");
    }

    @Test
    void aProblemWithoutASolutionIsRefused() throws Exception {
        copyVendor();
        Files.delete(dir.resolve("TOY25_Q3.md"));
        assertThatThrownBy(() -> VendorFolder.read(dir, null, set)).isInstanceOf(BadInputException.class)
                .hasMessageEndingWith(": no solution for problem 3 of set");
    }

    private void copyVendor() throws Exception {
        try (var files = Files.list(FIXTURE.resolve("vendor"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
    }
}
