package dev.claimcheck.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding ids are stable camelCase, unique, and each is documented in docs/verification.md. */
class FindingIdsTest {
    @Test
    void idsAreUniqueCamelCaseAndDocumented() throws IOException {
        List<String> ids = Finding.ids();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z][a-zA-Z]*"));
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(p.resolve("jbang-catalog.json"))) {
            p = p.getParent();
        }
        String doc = Files.readString(p.resolve("docs/verification.md"));
        for (String id : ids) {
            assertThat(doc).as("docs/verification.md documents %s", id).contains("`" + id + "`");
        }
    }

    @Test
    void everyFindingBelongsToACheckVerifyRuns() {
        for (Class<?> c : Finding.class.getPermittedSubclasses()) {
            Finding f = Verifier.withDetail(new Finding.Schema(""), "x").getClass() == c ? null : instance(c);
            if (f != null) {
                assertThat(Finding.CHECKS).as(c.getSimpleName()).contains(f.check());
            }
        }
    }

    private static Finding instance(Class<?> c) {
        try {
            return (Finding) c.getDeclaredConstructor(String.class).newInstance("x");
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
