package dev.claimcheck.core.run;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.RunManifest.FileRef;

/**
 * What a recipe pins for one run: the dataset hashes checked before any request is sent, and the recipe and
 * claim references written to run.json (relative to the results root, which holds copies of both).
 *
 * @param datasetSha256 the file hash the data must have; null when the recipe is unpinned and the user allowed it
 * @param answersSha256 likewise for the (task id, answer) hash
 */
public record RecipePin(FileRef recipe, FileRef claimRef, String datasetSha256, String answersSha256) {
    /** Fails with one line unless the loaded dataset has the pinned hashes. */
    public void check(DatasetRef dataset) {
        if (datasetSha256 != null && !datasetSha256.equals(dataset.sha256())) {
            throw new BadInputException("dataset " + dataset.source() + " has sha256 " + dataset.sha256()
                    + " but recipe " + recipe.path() + " pins " + datasetSha256 + "; nothing was sent");
        }
        if (answersSha256 != null && !answersSha256.equals(dataset.answersSha256())) {
            throw new BadInputException("dataset " + dataset.source() + " has answersSha256 " + dataset.answersSha256()
                    + " but recipe " + recipe.path() + " pins " + answersSha256 + "; nothing was sent");
        }
    }
}
