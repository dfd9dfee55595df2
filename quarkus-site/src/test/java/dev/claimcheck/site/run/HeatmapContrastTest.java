package dev.claimcheck.site.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.site.page.Assets;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every heatmap shade keeps its text readable: WCAG 2 contrast of at least 4.5:1, computed from the served site.css. */
class HeatmapContrastTest {
    static final String CSS = new String(Assets.bytes(Assets.CSS), StandardCharsets.UTF_8);

    static double luminance(String hex) {
        String h = hex.length() == 4 ? "" + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2) + hex.charAt(3)
                + hex.charAt(3) : hex.substring(1);
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void theFormulaMatchesWcagsKnownPairs() {
        assertThat(contrast("#000000", "#ffffff")).isEqualTo(21.0);
        assertThat(contrast("#777777", "#ffffff")).isBetween(4.47, 4.49);
    }

    @Test
    void everyShadeHasContrastOfAtLeastFourAndAHalfWithTheHeatmapText() {
        Matcher text = Pattern.compile("table\\.heat td \\{[^}]*color: (#[0-9a-fA-F]{3,6});").matcher(CSS);
        assertThat(text.find()).as("table.heat td sets one text colour").isTrue();
        Map<String, String> shades = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\\.(heat(?:\\d+|-none)) \\{ background: (#[0-9a-fA-F]{3,6}); }").matcher(CSS);
        while (m.find()) {
            shades.put(m.group(1), m.group(2));
        }
        assertThat(shades).as("heat0…heat10 and heat-none").hasSize(12);
        assertThat(CSS).as("no shade sets its own text colour").doesNotContainPattern("\\.heat\\d+ \\{[^}]*[^-]color:");
        shades.forEach((shade, bg) -> assertThat(contrast(text.group(1), bg)).as(shade + " " + bg + " vs " + text.group(1))
                .isGreaterThanOrEqualTo(4.5));
    }
}
