package dev.claimcheck.site.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputChartTest {
    static final List<ThroughputChart.Point> POINTS = List.of(new ThroughputChart.Point(1, 100.0, true),
            new ThroughputChart.Point(8, 700.0, true), new ThroughputChart.Point(32, 900.0, false));

    @Test
    void validPointsAreJoinedAndInvalidOnesAreHollowCrossesOffTheLine() {
        String svg = ThroughputChart.svg(List.of(new ThroughputChart.Series("m · run · 1024 in", POINTS)), "label", "y", "x");
        String polyline = svg.substring(svg.indexOf("<polyline"), svg.indexOf("/>", svg.indexOf("<polyline")));
        assertThat(polyline.split(",", -1)).hasSize(3); // two x,y pairs: the invalid point is not on the line
        assertThat(svg.split("<circle class=\"valid\"", -1)).hasSize(3);
        assertThat(svg.split("<g class=\"invalid\">", -1)).hasSize(2);
        assertThat(svg).contains("load 32: 900 (invalid: the client's limit, not the model's number)")
                .contains("invalid point (client-bound or nothing completed): not the model's number");
    }

    @Test
    void textIsEscapedAndNothingToDrawGivesNoChart() {
        String svg = ThroughputChart.svg(List.of(new ThroughputChart.Series("<b>&\"", POINTS)), "<i>", "y", "x");
        assertThat(svg).doesNotContain("<b>").doesNotContain("<i>").contains("&lt;b&gt;&amp;&quot;");
        assertThat(ThroughputChart.svg(List.of(new ThroughputChart.Series("s",
                List.of(new ThroughputChart.Point(1, null, false)))), "l", "y", "x")).isEmpty();
    }

    @Test
    void axisMaximaAreRoundNumbers() {
        assertThat(ThroughputChart.niceMax(7400)).isEqualTo(10_000);
        assertThat(ThroughputChart.niceMax(230)).isEqualTo(250);
        assertThat(ThroughputChart.niceMax(0)).isEqualTo(1);
    }
}
