package dev.claimcheck.site.leaderboard;

import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.Workload;
import java.util.List;
import java.util.Map;

/**
 * One leaderboard table pair: a workload's suite and dataset, with one ranked list per lane (never merged).
 *
 * @param datasetSha256 the dataset hash when every row shares it, else a note saying how many differ
 */
public record Board(Workload workload, String suite, String dataset, String datasetSha256, Map<Lane, List<LeaderboardRow>> lanes) {
    public Board {
        lanes = Map.copyOf(lanes);
    }

    public List<LeaderboardRow> rows(Lane lane) {
        return lanes.getOrDefault(lane, List.of());
    }
}
