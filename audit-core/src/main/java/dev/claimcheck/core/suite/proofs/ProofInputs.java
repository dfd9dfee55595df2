package dev.claimcheck.core.suite.proofs;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.suite.DatasetPaths;
import dev.claimcheck.core.suite.SuiteContext;
import java.nio.file.Path;

/**
 * Everything a proof run reads, from one read: the problem set and, for an import, the vendor's folder.
 *
 * @param set the problems
 * @param vendor the imported solutions and the vendor's grades (null when the model under test writes them)
 * @param setPath the problem set as found
 */
record ProofInputs(ProblemSet set, VendorFolder vendor, Path setPath) {
    static ProofInputs read(ProofOptions o, SuiteContext context) {
        if (o.map != null && o.importSolutions == null) {
            throw new BadInputException("--map goes with --import-solutions DIR");
        }
        Path setPath = resolve(o.dataset, "--dataset", context);
        ProblemSet set = ProblemSet.read(setPath);
        VendorFolder vendor = o.importSolutions == null ? null
                : VendorFolder.read(resolve(o.importSolutions, "--import-solutions", context),
                        o.map == null ? null : resolve(o.map, "--map", context), set);
        return new ProofInputs(set, vendor, setPath);
    }

    boolean imported() {
        return vendor != null;
    }

    /** The option's path as {@link DatasetPaths#resolve} finds it. */
    static Path resolve(Path p, String option, SuiteContext context) {
        return DatasetPaths.resolve(p, option + " is required", context);
    }
}
