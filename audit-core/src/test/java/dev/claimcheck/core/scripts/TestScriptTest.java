package dev.claimcheck.core.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the README's test command, {@code ./test --prepare} (install and check, no Maven build), on a PATH that mirrors
 * /usr/bin minus the programs a case removes, with {@code id}, {@code sudo} and {@code apt-get} replaced by shims
 * that log what they were asked ({@code apt-get install} "installs" by linking the program back). So a case can be
 * root or not, with or without passwordless sudo, on Debian or not, without touching this machine's packages.
 */
class TestScriptTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                | uid | sudo | apt     | missing              | flags                       | rc | output has                                 | apt log
            root installs what is missing         | 0   | no   | works   | bwrap                | --skip-browser              | 0  | ./test: installing bubblewrap              | update -q;install -y -q bubblewrap
            a user with sudo -n installs too      | 1000| yes  | works   | bwrap python3        | --skip-browser              | 0  | ./test: installing bubblewrap python3      | sudo update -q;sudo install -y -q bubblewrap python3
            a user without sudo gets the line     | 1000| no   | works   | bwrap                | --skip-browser              | 1  | apt-get install -y bubblewrap              | -
            the line names every package          | 1000| no   | works   | chromium chromedriver| ''                          | 1  | apt-get install -y chromium chromium-driver| -
            the refusal offers the skip flag      | 1000| no   | works   | bwrap                | --skip-browser              | 1  | ./test --skip-sandbox                      | -
            CI=true does not turn it into a skip  | 1000| no   | works   | bwrap                | --skip-browser CI=true      | 1  | apt-get install -y bubblewrap              | -
            skipped on purpose: not installed     | 1000| no   | works   | bwrap                | --skip-browser --skip-sandbox | 0| bubblewrap: skipped (--skip-sandbox)      | -
            an install that does not help fails   | 0   | no   | noop    | bwrap                | --skip-browser              | 1  | installed, but still not on PATH           | update -q;install -y -q bubblewrap
            no apt-get: the Debian names, exit 1  | 0   | no   | absent  | git                  | --skip-browser              | 1  | apt-get install -y git                     | -
            nothing missing: nothing installed    | 1000| no   | works   | ''                   | --skip-browser              | 0  | --- versions                               | -
            an unknown flag is refused            | 0   | no   | works   | ''                   | --skip-sandbx               | 2  | unknown --skip-sandbx                      | -
            """)
    void prepares(String name, int uid, String sudo, String apt, String missing, String flags, int rc, String has, String aptLog)
            throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path log = dir.resolve("apt.log");
        Set<String> removed = Set.of(missing.isBlank() ? new String[0] : missing.trim().split("\\s+"));
        try (Stream<Path> usrBin = Files.list(Path.of("/usr/bin"))) {
            for (Path p : (Iterable<Path>) usrBin::iterator) {
                String n = p.getFileName().toString();
                if (!removed.contains(n) && !Set.of("id", "sudo", "apt-get").contains(n)) {
                    Files.createSymbolicLink(bin.resolve(n), p);
                }
            }
        }
        shim(bin, "id", "[ \"$1\" = -u ] && echo " + uid + " || exec /usr/bin/id \"$@\"");
        if (sudo.equals("yes")) {
            shim(bin, "sudo", "[ \"$1\" = -n ] || exit 1; shift; [ \"$1\" = true ] && exit 0\n"
                    + "echo -n 'sudo ' >>'" + log + "'; shift; exec apt-get \"$@\"");
        }
        if (!apt.equals("absent")) {
            String install = apt.equals("works")
                    ? "for p in \"$@\"; do case $p in bubblewrap) ln -s /usr/bin/bwrap '" + bin + "/bwrap';; python3) ln -s "
                            + "/usr/bin/python3 '" + bin + "/python3';; git) ln -s /usr/bin/git '" + bin + "/git';; esac; done"
                    : ":";
            shim(bin, "apt-get", "echo \"$*\" >>'" + log + "'\n[ \"$1\" = install ] && { shift 3; " + install + "; }\nexit 0");
        }

        Path repo = Repo.find().root;
        ProcessBuilder pb = new ProcessBuilder();
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/bash", repo.resolve("test").toString(), "--prepare"));
        for (String f : flags.isBlank() ? new String[0] : flags.trim().split("\\s+")) {
            if (f.startsWith("CI=")) {
                pb.environment().put("CI", f.substring(3));
            } else {
                cmd.add(f);
            }
        }
        pb.command(cmd).directory(repo.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("PATH", bin.toString());
        pb.environment().remove("JAVA_HOME");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(p.exitValue()).as(out).isEqualTo(rc);
        assertThat(out).contains(has);
        String logged = Files.exists(log) ? Files.readString(log).strip().replace('\n', ';') : "-";
        assertThat(logged).as(out).isEqualTo(aptLog);
    }

    static void shim(Path bin, String name, String body) throws IOException {
        Path f = bin.resolve(name);
        Files.writeString(f, "#!/usr/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
