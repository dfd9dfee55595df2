package dev.claimcheck.core.provenance;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.provenance.ManifestFinding.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestTest {
    private static final String EMPTY_SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String ABC_SHA = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path run;

    private void write(String rel, String content) throws IOException {
        Path p = run.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    @Test
    void linesAreSha256sumFormatSortedByUtf8BytesOfThePath() throws Exception {
        write("run.json", "abc");
        write("samples.jsonl", "");
        write("Zeta.csv", "");
        write("sub/dir/é.txt", "");
        write("sub/a.txt", "");

        String text = Manifest.compute(run).toText();

        assertThat(text).isEqualTo(
                EMPTY_SHA + "  Zeta.csv\n"
                        + ABC_SHA + "  run.json\n"
                        + EMPTY_SHA + "  samples.jsonl\n"
                        + EMPTY_SHA + "  sub/a.txt\n"
                        + EMPTY_SHA + "  sub/dir/é.txt\n");
    }

    @Test
    void manifestSignatureKeptSignaturesAndLockAreNotListedButNestedNamesAre() throws Exception {
        write("run.json", "abc");
        for (String excluded : List.of("MANIFEST", "MANIFEST.sig", "MANIFEST.sig.1", "MANIFEST.sig.12", "run.lock")) {
            write(excluded, "x");
        }
        write("MANIFEST.sig.old", "x");
        write("sub/MANIFEST", "x");

        assertThat(Manifest.compute(run).entries()).extracting(Manifest.Entry::path)
                .containsExactly("MANIFEST.sig.old", "run.json", "sub/MANIFEST");
    }

    @Test
    void symbolicLinksAreRefusedNamingThePath() throws Exception {
        write("run.json", "abc");
        Files.createDirectories(run.resolve("sub"));
        Files.createSymbolicLink(run.resolve("sub/link"), Path.of("../run.json"));

        assertThatThrownBy(() -> Manifest.compute(run))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("symbolic link not allowed: sub/link");
    }

    @Test
    void specialFilesAreRefused() throws Exception {
        Process p = new ProcessBuilder("mkfifo", run.resolve("fifo").toString()).start();
        p.waitFor(10, TimeUnit.SECONDS);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(run.resolve("fifo")), "mkfifo available");

        assertThatThrownBy(() -> Manifest.compute(run)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("not a regular file: fifo");
    }

    @Test
    void anUnchangedFolderHasNoFindings() throws Exception {
        write("run.json", "abc");
        write("samples.jsonl", "{}\n");
        Manifest m = Manifest.compute(run);
        Files.writeString(run.resolve("MANIFEST"), m.toText());

        assertThat(m.check(run)).isEmpty();
        assertThat(Manifest.checkFolder(run)).isEmpty();
        assertThat(Manifest.parse(m.toText())).isEqualTo(m);
    }

    @Test
    void missingExtraChangedAndLinkedFilesAreEachReported() throws Exception {
        write("run.json", "abc");
        write("samples.jsonl", "{}\n");
        write("summary.csv", "metric\n");
        Manifest m = Manifest.compute(run);
        Files.delete(run.resolve("samples.jsonl"));
        write("summary.csv", "metric,value\n");
        write("notes.txt", "added later");
        Files.createSymbolicLink(run.resolve("evil"), Path.of("run.json"));

        assertThat(m.check(run)).containsExactlyInAnyOrder(
                new ManifestFinding(Kind.MISSING, "samples.jsonl"),
                ManifestFinding.hashMismatch("summary.csv",
                        Manifest.sha256(Files.writeString(run.getParent().resolve(run.getFileName() + "-x"), "metric\n")),
                        Manifest.sha256(run.resolve("summary.csv"))),
                new ManifestFinding(Kind.EXTRA, "notes.txt"),
                new ManifestFinding(Kind.SYMLINK, "evil"));
    }

    @Test
    void aListedPathThroughALinkedDirectoryIsASymlinkFindingNotAHash() throws Exception {
        write("real/x.txt", "abc");
        Manifest m = Manifest.parse(ABC_SHA + "  linked/x.txt\n");
        Files.createSymbolicLink(run.resolve("linked"), run.resolve("real"));

        assertThat(m.check(run)).contains(new ManifestFinding(Kind.SYMLINK, "linked/x.txt"),
                new ManifestFinding(Kind.SYMLINK, "linked"));
    }

    @Test
    void climbingOrAbsolutePathsInManifestAreOutsideTheFolder() throws Exception {
        write("run.json", "abc");
        Files.writeString(run.resolve("MANIFEST"), ABC_SHA + "  ../secret\n");
        assertThat(Manifest.checkFolder(run)).containsExactly(new ManifestFinding(Kind.OUTSIDE_FOLDER, "../secret"));

        Files.writeString(run.resolve("MANIFEST"), ABC_SHA + "  /etc/passwd\n");
        assertThat(Manifest.checkFolder(run)).containsExactly(new ManifestFinding(Kind.OUTSIDE_FOLDER, "/etc/passwd"));
    }

    @Test
    void aFolderWithoutManifestIsReportedAsUnsigned() throws Exception {
        write("run.json", "abc");

        assertThat(Manifest.checkFolder(run)).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(Kind.MALFORMED))
                .extracting(ManifestFinding::describe).asString().contains("not signed");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            ABC_SHA + " run.json\n",                              // one space
            ABC_SHA + "\trun.json\n",                             // tab
            ABC_SHA + "  run.json",                               // no final newline
            ABC_SHA + "  run.json\r\n",                           // CRLF
            "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD  run.json\n", // upper-case hex
            "ba7816bf  run.json\n",                               // short hash
            ABC_SHA + "  sub\\run.json\n",                        // backslash
            ABC_SHA + "  a//b\n",                                 // empty segment
            ABC_SHA + "  ./run.json\n",                           // dot segment
            ABC_SHA + "  run.json\n" + ABC_SHA + "  run.json\n",  // duplicate
            ABC_SHA + "  z\n" + ABC_SHA + "  a\n",                // unsorted
            ABC_SHA + "  MANIFEST.sig\n",                         // excluded file listed
            "\n",                                                 // blank line
            ABC_SHA + "  ../x\n",                                 // climbs out
            ABC_SHA + "  /abs\n"                                  // absolute
    })
    void parsingIsStrict(String text) {
        assertThatThrownBy(() -> Manifest.parse(text)).isInstanceOf(BadInputException.class);
    }

    @Test
    void parseErrorsNameTheLine() {
        assertThatThrownBy(() -> Manifest.parse(ABC_SHA + "  a\n" + ABC_SHA + "  a\n"))
                .hasMessageContaining("line 2").hasMessageContaining("duplicate entry: a");
    }

    @Test
    void realSha256sumAcceptsOurManifest() throws Exception {
        write("run.json", "abc");
        write("samples.jsonl", "{}\n");
        write("sub dir/with space.txt", "x");
        write("sub dir/ünïcode.md", "y");
        Files.writeString(run.resolve("MANIFEST"), Manifest.compute(run).toText());

        Process p = new ProcessBuilder("sha256sum", "--strict", "-c", "MANIFEST").directory(run.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out.lines()).hasSize(4).allMatch(l -> l.endsWith(": OK"));
    }

    @Test
    void largeFilesAreHashedByStreaming() throws Exception {
        byte[] chunk = new byte[(1 << 20) + 7];
        Path big = run.resolve("big.bin");
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 5; i++) {
                out.write(chunk);
            }
        }
        Process p = new ProcessBuilder("sha256sum", big.toString()).start();
        String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).substring(0, 64);

        assertThat(Manifest.sha256(big)).isEqualTo(expected);
    }
}
