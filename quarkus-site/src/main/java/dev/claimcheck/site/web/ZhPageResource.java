package dev.claimcheck.site.web;

import dev.claimcheck.site.page.Lang;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** The same pages as {@link PageResource}, in Chinese under {@code /zh/} (docs/site.md "Languages"). */
@Path("/zh")
@Produces("text/html;charset=UTF-8")
public class ZhPageResource extends PageResource {
    @Override
    protected Lang lang() {
        return Lang.ZH;
    }
}
