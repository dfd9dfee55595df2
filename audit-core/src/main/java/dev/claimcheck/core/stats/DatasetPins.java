package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.RecipeSpec.DatasetPin;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import java.util.ArrayList;
import java.util.List;

/** The dataset a run read against the one its recipe pins (docs/recipes.md). */
public final class DatasetPins {
    private DatasetPins() {
    }

    /**
     * Each pinned hash the dataset a run read does not have, as a sentence naming both (empty when they match or
     * nothing is pinned): the one comparison behind a claim's settingsDiffer, {@code --allow-unpinned}'s warning and
     * the verifier's offPin.
     *
     * @param pin the recipe's dataset, or null (nothing pinned)
     */
    public static List<Sentence> differences(DatasetPin pin, DatasetRef used) {
        if (pin == null) {
            return List.of();
        }
        List<Sentence> out = new ArrayList<>();
        String file = used == null ? null : used.sha256();
        if (pin.sha256() != null && !pin.sha256().equals(file)) {
            out.add(file == null ? Sentence.of(Sentence.Kind.DATASET_UNHASHED, pin.sha256())
                    : Sentence.of(Sentence.Kind.DATASET_SHA256, pin.sha256(), file));
        }
        String answers = used == null ? null : used.answersSha256();
        if (pin.answersSha256() != null && !pin.answersSha256().equals(answers)) {
            out.add(answers == null ? Sentence.of(Sentence.Kind.DATASET_ANSWERS_UNRECORDED, pin.answersSha256())
                    : Sentence.of(Sentence.Kind.DATASET_ANSWERS, pin.answersSha256(), answers));
        }
        return out;
    }
}
