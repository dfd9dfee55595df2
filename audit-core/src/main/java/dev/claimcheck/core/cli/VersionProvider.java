package dev.claimcheck.core.cli;

import dev.claimcheck.core.run.HarnessInfo;
import picocli.CommandLine;

/** {@code --version}: the harness version. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"claimcheck " + HarnessInfo.version()};
    }
}
