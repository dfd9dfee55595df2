package dev.claimcheck.site.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.site.page.Lang;
import dev.claimcheck.site.page.Links;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputChartTest {
    static final Links EN = Links.at(0, false);
    static final List<ThroughputChart.Point> POINTS = List.of(new ThroughputChart.Point(1, 100.0, true),
            new ThroughputChart.Point(8, 700.0, true), new ThroughputChart.Point(32, 900.0, false));

    @Test
    void validPointsAreJoinedAndInvalidOnesAreHollowCrossesOffTheLine() {
        String svg = ThroughputChart.svg(List.of(new ThroughputChart.Series("m · run · 1024 in", POINTS)), "label", "y", EN);
        String polyline = svg.substring(svg.indexOf("<polyline"), svg.indexOf("/>", svg.indexOf("<polyline")));
        assertThat(polyline.split(",", -1)).hasSize(3); // two x,y pairs: the invalid point is not on the line
        assertThat(svg.split("<circle class=\"valid\"", -1)).hasSize(3);
        assertThat(svg.split("<g class=\"invalid\">", -1)).hasSize(2);
        assertThat(svg).contains("load 32: 900 (invalid: the client's limit, not the model's number)")
                .contains("invalid point (client-bound or nothing completed): not the model's number");
        String zh = ThroughputChart.svg(List.of(new ThroughputChart.Series("m · run · 输入 1024", POINTS)), "label", "y",
                Links.page("", false, Lang.ZH));
        assertThat(zh).contains("负载 32：900（无效：受限于客户端，而非模型本身的数值）", "无效数据点（受限于客户端或没有请求完成）：不是模型本身的数值")
                .doesNotContain("invalid:", "load 32");
    }

    @Test
    void textIsEscapedAndNothingToDrawGivesNoChart() {
        String svg = ThroughputChart.svg(List.of(new ThroughputChart.Series("<b>&\"", POINTS)), "<i>", "y", EN);
        assertThat(svg).doesNotContain("<b>").doesNotContain("<i>").contains("&lt;b&gt;&amp;&quot;");
        assertThat(ThroughputChart.svg(List.of(new ThroughputChart.Series("s",
                List.of(new ThroughputChart.Point(1, null, false)))), "l", "y", EN)).isEmpty();
    }

    @Test
    void axisMaximaAreRoundNumbers() {
        assertThat(ThroughputChart.niceMax(7400)).isEqualTo(10_000);
        assertThat(ThroughputChart.niceMax(230)).isEqualTo(250);
        assertThat(ThroughputChart.niceMax(0)).isEqualTo(1);
    }
}
