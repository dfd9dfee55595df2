package dev.claimcheck.site.web;

import dev.claimcheck.site.leaderboard.Filter;
import dev.claimcheck.site.page.Lang;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.page.Messages;
import dev.claimcheck.site.page.NotFoundPage;
import dev.claimcheck.site.render.SafeJson;
import dev.claimcheck.site.render.Templates;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * The responses rendered once per index ({@link Cached}: leaderboard, boards' pages, chart data, leaderboard
 * JSON and CSV), answered straight from Vert.x routes on the event loop: gzip bytes when an HTTP/1.x client
 * accepts gzip, 304 on a matching If-None-Match. Plain Vert.x, not JAX-RS, because the JAX-RS layer would compress
 * the gzip bytes a second time ({@code quarkus.http.enable-compression}, still used for the other pages and
 * the static files), and because it is the hot path. The security headers of application.properties are
 * added to these responses like to every other.
 */
@ApplicationScoped
public class FastRoutes {
    @Inject
    SiteState state;

    void routes(@Observes Router router) {
        // A filtered view (?model=…, docs/site.md) is rendered per request; the unfiltered page comes from memory.
        // "/zh" alone would resolve the page's relative links against "/": send it to "/zh/" (a Vert.x route also
        // matches its path with a trailing slash, hence the check).
        route(router, "/zh", ctx -> {
            if (ctx.request().path().equals("/zh")) {
                ctx.response().setStatusCode(301).putHeader("Location", "/zh/").end();
            } else {
                ctx.next();
            }
        });
        for (Lang lang : Lang.values()) {
            String at = "/" + lang.prefix();
            route(router, at, ctx -> leaderboard(ctx, lang));
            route(router, at + "index.html", ctx -> leaderboard(ctx, lang));
            route(router, at + "boards/:slug", ctx -> board(ctx, lang));
        }
        route(router, "/api/leaderboard.json", ctx -> send(ctx, state.snapshot().leaderboardJson()));
        route(router, "/api/leaderboard.csv", ctx -> send(ctx, state.snapshot().leaderboardCsv(),
                "Content-Disposition", "inline; filename=\"leaderboard.csv\""));
        // Any path nothing else answers: the site's own 404 page in the path's language, its links relative to
        // the path's depth.
        router.errorHandler(404, ctx -> {
            String path = ctx.normalizedPath();
            Lang lang = path.startsWith("/zh/") ? Lang.ZH : Lang.EN;
            Links links = Links.page(path.substring(1 + lang.prefix().length()), false, lang);
            end(ctx, 404, PageResource.HTML, Templates.get().render("notfound.ftlh",
                    new NotFoundPage(links.nav(), Messages.of(lang).get("notfound.page", path))));
        });
        route(router, "/api/charts/:file", ctx -> {
            String id = strip(ctx.pathParam("file"), ".json");
            Cached c = state.snapshot().charts().get(id);
            if (c != null) {
                send(ctx, c);
            } else {
                end(ctx, 404, ApiResource.JSON, SafeJson.write(Map.of("error", "no chart " + id)));
            }
        });
    }

    private void leaderboard(RoutingContext ctx, Lang lang) {
        Filter filter = filter(ctx);
        if (filter.active() || !filter.ignored().isEmpty()) {
            end(ctx, 200, PageResource.HTML, Templates.get().render("index.ftlh",
                    state.snapshot().model().leaderboard(Links.page(query(ctx), false, lang), filter)));
        } else {
            send(ctx, state.snapshot().leaderboardHtml().get(lang));
        }
    }

    private void board(RoutingContext ctx, Lang lang) {
        String slug = strip(ctx.pathParam("slug"), ".html");
        Cached c = state.snapshot().boards().get(lang).get(slug);
        Filter filter = filter(ctx);
        Links links = Links.page("boards/" + slug + query(ctx), false, lang);
        if (c != null && filter.active()) {
            state.snapshot().model().board(slug, links, filter).ifPresent(p ->
                    end(ctx, 200, PageResource.HTML, Templates.get().render("board.ftlh", p)));
        } else if (c != null) {
            send(ctx, c);
        } else {
            end(ctx, 404, PageResource.HTML, Templates.get().render("notfound.ftlh",
                    new NotFoundPage(links.nav(), Messages.of(lang).get("notfound.board", slug))));
        }
    }

    /** The request's query as {@code ?…} (kept by the language switch), or "". */
    private static String query(RoutingContext ctx) {
        String q = ctx.request().query();
        return q == null || q.isEmpty() ? "" : "?" + q;
    }

    /** The filter of the request's query (first value of each key). */
    static Filter filter(RoutingContext ctx) {
        Map<String, String> q = new HashMap<>();
        for (String key : Filter.KEYS) {
            String v = ctx.queryParams().get(key);
            if (v != null) {
                q.put(key, v);
            }
        }
        return Filter.parse(q);
    }

    private static void route(Router router, String path, io.vertx.core.Handler<RoutingContext> h) {
        router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(h);
    }

    static String strip(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    static void send(RoutingContext ctx, Cached c, String... extra) {
        HttpServerRequest req = ctx.request();
        HttpServerResponse res = ctx.response();
        // HTTP/2 (h2c, or h2 behind TLS): Netty's HTTP/2 encoder compresses whatever says Content-Encoding: gzip,
        // so there the plain bytes go out and the server's own compression applies.
        boolean gz = req.version() != HttpVersion.HTTP_2 && Cached.acceptsGzip(req.getHeader("Accept-Encoding"));
        String tag = gz ? c.gzipEtag() : c.etag();
        res.putHeader("ETag", tag).putHeader("Cache-Control", Cached.CACHE_CONTROL).putHeader("Vary", "Accept-Encoding");
        if (Cached.matches(req.getHeader("If-None-Match"), tag)) {
            res.setStatusCode(304).end();
            return;
        }
        res.putHeader("Content-Type", c.contentType());
        if (gz) {
            res.putHeader("Content-Encoding", "gzip");
        }
        for (int i = 0; i + 1 < extra.length; i += 2) {
            res.putHeader(extra[i], extra[i + 1]);
        }
        if (req.method() == HttpMethod.HEAD) {
            res.putHeader("Content-Length", Integer.toString(gz ? c.gzip().length : c.bytes().length)).end();
        } else {
            res.end(gz ? c.gzipBuffer() : c.bytesBuffer());
        }
    }

    static void end(RoutingContext ctx, int status, String type, String body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", type).end(body);
    }
}
