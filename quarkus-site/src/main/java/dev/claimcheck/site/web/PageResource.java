package dev.claimcheck.site.web;

import dev.claimcheck.site.page.Lang;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.page.Messages;
import dev.claimcheck.site.page.NotFoundPage;
import dev.claimcheck.site.render.Templates;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The HTML pages in English, rendered from the in-memory index; links are relative so the export can share them.
 * {@link ZhPageResource} answers the same paths under {@code /zh/} in Chinese.
 */
@Path("/")
@Produces("text/html;charset=UTF-8")
public class PageResource {
    static final String HTML = "text/html;charset=UTF-8";

    @Inject
    SiteState state;

    /** The language of the pages this resource answers. */
    protected Lang lang() {
        return Lang.EN;
    }

    /** The links of the page at {@code self} (its path below the language's folder, a query may follow). */
    Links links(String self) {
        return Links.page(self, false, lang());
    }

    // "/", "/index.html" and "/boards/{slug}" are answered by FastRoutes (rendered once per index, gzip, ETag).

    @GET
    @Path("runs/{runId}")
    public Response run(@PathParam("runId") String runId) {
        String id = runId.endsWith(".html") ? runId.substring(0, runId.length() - 5) : runId;
        Links links = links("runs/" + id);
        return state.snapshot().model().run(id, links)
                .map(p -> ok(Templates.get().render("run.ftlh", p)))
                .orElseGet(() -> notFound(links, missing("run", id)));
    }

    @GET
    @Path("runs/{runId}/samples")
    public Response runGrid(@PathParam("runId") String runId) {
        String id = strip(runId);
        Links links = links("runs/" + id + "/samples");
        return state.snapshot().model().runGrid(id, links, state::samplesOrNone)
                .map(g -> ok(Templates.get().render("grid.ftlh", g)))
                .orElseGet(() -> notFound(links, missing("run", id)));
    }

    @GET
    @Path("runs/{runId}/samples/{task}/{attempt}")
    public Response sample(@PathParam("runId") String runId, @PathParam("task") String task,
                           @PathParam("attempt") String attempt) {
        String a = strip(attempt);
        Links links = links("runs/" + runId + "/samples/" + task + "/" + a);
        if (!a.matches("[0-9]{1,9}")) {
            return notFound(links, missing("attempt", a));
        }
        return state.snapshot().model().sample(runId, task, Integer.parseInt(a), links, state::samplesOrNone)
                .map(p -> ok(Templates.get().render("sample.ftlh", p)))
                .orElseGet(() -> notFound(links, missing("attemptAt", a, task, runId)));
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
        Links links = links("boards/" + slug + "/grid");
        return state.snapshot().model().grid(slug, links, state::samplesOrNone)
                .map(g -> ok(Templates.get().render("grid.ftlh", g)))
                .orElseGet(() -> notFound(links, missing("board", slug)));
    }

    @GET
    @Path("models/{slug}")
    public Response model(@PathParam("slug") String slug) {
        String s = slug.endsWith(".html") ? slug.substring(0, slug.length() - 5) : slug;
        Links links = links("models/" + s);
        return state.snapshot().model().model(s, links)
                .map(p -> ok(Templates.get().render("model.ftlh", p)))
                .orElseGet(() -> notFound(links, missing("model", s)));
    }

    @GET
    @Path("claims")
    public String claims() {
        return Templates.get().render("claims.ftlh", state.snapshot().model().claims(links("claims")));
    }

    @GET
    @Path("routing")
    public String routingIndex() {
        return Templates.get().render("routingindex.ftlh", state.snapshot().model().routingIndex(links("routing")));
    }

    @GET
    @Path("routing/{workload}")
    public Response routing(@PathParam("workload") String workload, @QueryParam("instant") String instant,
                            @QueryParam("thinking") String thinking) {
        String w = workload.endsWith(".html") ? workload.substring(0, workload.length() - 5) : workload;
        Links links = links("routing/" + w + query("instant", instant, "thinking", thinking));
        return state.snapshot().model().routing(w, links, instant, thinking)
                .map(p -> ok(Templates.get().render("routing.ftlh", p)))
                .orElseGet(() -> notFound(links, missing("routing", w)));
    }

    @GET
    @Path("compare")
    public String compare(@QueryParam("a") String a, @QueryParam("b") String b) {
        return Templates.get().render("compare.ftlh", state.snapshot().model().compare(a, b, links("compare" + query("a", a, "b", b))));
    }

    @GET
    @Path("excluded")
    public String excluded() {
        return Templates.get().render("excluded.ftlh", state.snapshot().model().excluded(links("excluded")));
    }

    static String strip(String s) {
        return s.endsWith(".html") ? s.substring(0, s.length() - 5) : s;
    }

    static Response ok(String html) {
        return Response.ok(html, HTML).build();
    }

    /** {@code ?k=v&…} of the given pairs that have a value (for the language switch), or "". */
    static String query(String... pairs) {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isEmpty()) {
                q.append(q.length() == 0 ? '?' : '&').append(pairs[i]).append('=')
                        .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }

    /** What a 404 page names, in the page's language ({@code notfound.KIND} in the bundle). */
    String missing(String kind, Object... args) {
        return Messages.of(lang()).get("notfound." + kind, args);
    }

    static Response notFound(Links links, String what) {
        return Response.status(404).type(HTML)
                .entity(Templates.get().render("notfound.ftlh", new NotFoundPage(links.nav(), what))).build();
    }
}
