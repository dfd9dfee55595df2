package dev.claimcheck.core.run;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.RunManifest.FileRef;

/**
 * What a recipe pins for one run: the dataset hashes checked before any request is sent, and the recipe and
 * claim references written to run.json (relative to the results root, which holds copies of both).
 *
 * @param datasetSha256 the file hash the data must have; null when the recipe does not pin it or under
 *     {@code --allow-unpinned} (which warns instead)
 * @param answersSha256 likewise for the (task id, answer) hash
 */
public record RecipePin(FileRef recipe, FileRef claimRef, String datasetSha256, String answersSha256) {
    /**
     * Fails with one line unless the loaded dataset has the pinned hashes; the line names both hashes the file has
     * and both the recipe pins, so the user sees at once which differs.
     */
    public void check(DatasetRef dataset) {
        boolean fileDiffers = datasetSha256 != null && !datasetSha256.equals(dataset.sha256());
        boolean answersDiffer = answersSha256 != null && !answersSha256.equals(dataset.answersSha256());
        if (fileDiffers || answersDiffer) {
            throw new BadInputException("dataset " + dataset.source() + " has sha256 " + dataset.sha256()
                    + " and answersSha256 " + dataset.answersSha256() + ", but recipe " + recipe.path() + " pins sha256 "
                    + pinned(datasetSha256) + " and answersSha256 " + pinned(answersSha256) + " ("
                    + (fileDiffers && answersDiffer ? "both differ" : fileDiffers ? "the sha256 differs" : "the answersSha256 differs")
                    + "); nothing was sent");
        }
    }

    private static String pinned(String hash) {
        return hash == null ? "(not pinned)" : hash;
    }
}
