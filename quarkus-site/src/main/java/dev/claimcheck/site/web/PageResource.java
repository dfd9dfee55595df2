package dev.claimcheck.site.web;

import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.page.NotFoundPage;
import dev.claimcheck.site.render.Templates;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** The HTML pages, rendered from the in-memory index; links are relative so the export can share them. */
@Path("/")
@Produces("text/html;charset=UTF-8")
public class PageResource {
    static final String HTML = "text/html;charset=UTF-8";

    @Inject
    SiteState state;

    // "/", "/index.html" and "/boards/{slug}" are answered by FastRoutes (rendered once per index, gzip, ETag).

    @GET
    @Path("runs/{runId}")
    public Response run(@PathParam("runId") String runId) {
        Links links = Links.at(1, false);
        String id = runId.endsWith(".html") ? runId.substring(0, runId.length() - 5) : runId;
        return state.snapshot().model().run(id, links)
                .map(p -> ok(Templates.get().render("run.ftlh", p)))
                .orElseGet(() -> notFound(links, "Run " + id));
    }

    @GET
    @Path("runs/{runId}/samples")
    public Response runGrid(@PathParam("runId") String runId) {
        Links links = Links.at(2, false);
        String id = strip(runId);
        return state.snapshot().model().runGrid(id, links, state::samplesOrNone)
                .map(g -> ok(Templates.get().render("grid.ftlh", g)))
                .orElseGet(() -> notFound(links, "Run " + id));
    }

    @GET
    @Path("runs/{runId}/samples/{task}/{attempt}")
    public Response sample(@PathParam("runId") String runId, @PathParam("task") String task,
                           @PathParam("attempt") String attempt) {
        Links links = Links.at(4, false);
        String a = strip(attempt);
        if (!a.matches("[0-9]{1,9}")) {
            return notFound(links, "Attempt " + a);
        }
        return state.snapshot().model().sample(runId, task, Integer.parseInt(a), links, state::samplesOrNone)
                .map(p -> ok(Templates.get().render("sample.ftlh", p)))
                .orElseGet(() -> notFound(links, "Attempt " + a + " at task " + task + " of run " + runId));
    }

    @GET
    @Path("runs/{runId}/proofs/{problem}")
    public Response proof(@PathParam("runId") String runId, @PathParam("problem") String problem) {
        Links links = Links.at(3, false);
        String p = strip(problem);
        return state.snapshot().model().proof(runId, p, links, state::samplesOrNone)
                .map(page -> ok(Templates.get().render("proof.ftlh", page)))
                .orElseGet(() -> notFound(links, "Problem " + p + " of run " + runId));
    }

    @GET
    @Path("boards/{slug}/grid")
    public Response boardGrid(@PathParam("slug") String slug) {
        Links links = Links.at(2, false);
        return state.snapshot().model().grid(slug, links, state::samplesOrNone)
                .map(g -> ok(Templates.get().render("grid.ftlh", g)))
                .orElseGet(() -> notFound(links, "Board " + slug));
    }

    @GET
    @Path("models/{slug}")
    public Response model(@PathParam("slug") String slug) {
        Links links = Links.at(1, false);
        String s = slug.endsWith(".html") ? slug.substring(0, slug.length() - 5) : slug;
        return state.snapshot().model().model(s, links)
                .map(p -> ok(Templates.get().render("model.ftlh", p)))
                .orElseGet(() -> notFound(links, "Model " + s));
    }

    @GET
    @Path("claims")
    public String claims() {
        return Templates.get().render("claims.ftlh", state.snapshot().model().claims(Links.at(0, false)));
    }

    @GET
    @Path("routing")
    public String routingIndex() {
        return Templates.get().render("routingindex.ftlh", state.snapshot().model().routingIndex(Links.at(0, false)));
    }

    @GET
    @Path("routing/{workload}")
    public Response routing(@PathParam("workload") String workload, @QueryParam("instant") String instant,
                            @QueryParam("thinking") String thinking) {
        Links links = Links.at(1, false);
        String w = workload.endsWith(".html") ? workload.substring(0, workload.length() - 5) : workload;
        return state.snapshot().model().routing(w, links, instant, thinking)
                .map(p -> ok(Templates.get().render("routing.ftlh", p)))
                .orElseGet(() -> notFound(links, "Routing for " + w));
    }

    @GET
    @Path("compare")
    public String compare(@QueryParam("a") String a, @QueryParam("b") String b) {
        return Templates.get().render("compare.ftlh", state.snapshot().model().compare(a, b, Links.at(0, false)));
    }

    @GET
    @Path("excluded")
    public String excluded() {
        return Templates.get().render("excluded.ftlh", state.snapshot().model().excluded(Links.at(0, false)));
    }

    static String strip(String s) {
        return s.endsWith(".html") ? s.substring(0, s.length() - 5) : s;
    }

    static Response ok(String html) {
        return Response.ok(html, HTML).build();
    }

    static Response notFound(Links links, String what) {
        return Response.status(404).type(HTML)
                .entity(Templates.get().render("notfound.ftlh", new NotFoundPage(links.nav(), what))).build();
    }
}
