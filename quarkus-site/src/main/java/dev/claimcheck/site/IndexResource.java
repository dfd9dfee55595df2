package dev.claimcheck.site;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Placeholder home page; the site issue replaces it with the leaderboard. */
@Path("/")
public class IndexResource {
    static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>claimcheck</title></head>
            <body>
            <h1>claimcheck</h1>
            <p>claimcheck leaderboard — coming with the site issue</p>
            </body>
            </html>
            """;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String index() {
        return PAGE;
    }
}
