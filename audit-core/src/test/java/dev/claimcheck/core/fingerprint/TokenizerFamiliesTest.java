package dev.claimcheck.core.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.claimcheck.core.model.Fingerprint.TokenizerProbe;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The data file of known tokenizer families: recounted where JTokkit ships the family, and every family distinguishable. */
class TokenizerFamiliesTest {
    private final TokenizerFamilies families = TokenizerFamilies.bundled();

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = EncodingType.class, names = {"O200K_BASE", "CL100K_BASE", "P50K_BASE", "R50K_BASE"})
    void theRecordedCountsAreWhatJtokkitCounts(EncodingType type) {
        Encoding e = Encodings.newLazyEncodingRegistry().getEncoding(type);
        Map<String, Long> recounted = new HashMap<>();
        recounted.put("baseline", (long) e.countTokensOrdinary(families.baseline()));
        families.probes().forEach((id, text) -> recounted.put(id, (long) e.countTokensOrdinary(text)));
        assertThat(families.families().get(type.getName())).isEqualTo(recounted);
    }

    @Test
    void everyFamilyIsTellableFromEveryOther() {
        for (String a : families.names()) {
            TokenizerProbe matched = families.match(families.expectedDeltas(a));
            assertThat(matched.family()).as(a).isEqualTo(a);
            for (String b : families.names()) {
                if (!a.equals(b)) {
                    assertThat(families.expectedDeltas(a)).as(a + " vs " + b).isNotEqualTo(families.expectedDeltas(b));
                }
            }
        }
    }

    @Test
    void countsOfNoKnownFamilyNameTheNearestAndHowManyProbesDiffer() {
        Map<String, Long> deltas = new HashMap<>(families.expectedDeltas("cl100k_base"));
        deltas.put("cjk", 99L);
        TokenizerProbe p = families.match(deltas);
        assertThat(p.family()).isNull();
        assertThat(p.nearest()).isEqualTo("cl100k_base");
        assertThat(p.differing()).isEqualTo(1);
    }

    @Test
    void aProbeThatFailedMatchesNoFamily() {
        Map<String, Long> deltas = new HashMap<>(families.expectedDeltas("o200k_base"));
        deltas.remove("code");
        assertThat(families.match(deltas).family()).isNull();
    }
}
