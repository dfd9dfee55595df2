package dev.claimcheck.site.web;

import dev.claimcheck.site.answers.SampleIndex;
import dev.claimcheck.site.render.SafeJson;
import dev.claimcheck.site.render.ThroughputCsv;
import dev.claimcheck.site.run.SampleBrowser;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** JSON and CSV API (field names: docs/site.md). JSON escapes &lt; &gt; &amp; as \u003c-style sequences. */
@Path("/api")
public class ApiResource {
    static final String JSON = "application/json;charset=UTF-8";
    static final String CSV = "text/csv;charset=UTF-8";

    @Inject
    SiteState state;

    // leaderboard.json, leaderboard.csv and charts/{id}.json are answered by FastRoutes (rendered once per index, gzip, ETag).

    @GET
    @Path("throughput.csv")
    public Response throughputCsv() {
        return Response.ok(ThroughputCsv.render(state.snapshot().model().throughputRows()), CSV)
                .header("Content-Disposition", "inline; filename=\"throughput.csv\"").build();
    }

    @GET
    @Path("runs/{file}")
    public Response run(@PathParam("file") String file) {
        if (!file.endsWith(".json")) {
            return error(404, "use /api/runs/{runId}.json");
        }
        String id = file.substring(0, file.length() - 5);
        return state.snapshot().model().runJson(id)
                .map(r -> Response.ok(SafeJson.write(r), JSON).build())
                .orElseGet(() -> error(404, "no run " + id));
    }

    @GET
    @Path("runs/{runId}/samples.json")
    public Response sampleIndex(@PathParam("runId") String runId) {
        try {
            return state.samples(runId)
                    .map(s -> Response.ok(SafeJson.write(SampleIndex.of(runId, s)), JSON).build())
                    .orElseGet(() -> error(404, "no run " + runId));
        } catch (RuntimeException e) {
            return error(500, "cannot read the samples of " + runId + ": " + e.getMessage());
        }
    }

    @GET
    @Path("runs/{runId}/samples")
    public Response samples(@PathParam("runId") String runId, @QueryParam("page") @DefaultValue("1") int page,
                            @QueryParam("verdict") @DefaultValue("all") String verdict,
                            @QueryParam("sort") @DefaultValue("journal") String sort) {
        if (!SampleBrowser.VERDICTS.contains(verdict) || !SampleBrowser.SORTS.contains(sort)) {
            return error(400, "verdict must be one of " + SampleBrowser.VERDICTS + ", sort one of " + SampleBrowser.SORTS);
        }
        try {
            return state.samples(runId)
                    .map(s -> Response.ok(SafeJson.write(SampleBrowser.page(runId, s, verdict, sort, page)), JSON).build())
                    .orElseGet(() -> error(404, "no run " + runId));
        } catch (RuntimeException e) {
            return error(500, "cannot read the samples of " + runId + ": " + e.getMessage());
        }
    }

    static Response error(int status, String message) {
        return Response.status(status).type(JSON).entity(SafeJson.write(Map.of("error", message))).build();
    }
}
