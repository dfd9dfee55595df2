package dev.claimcheck.site.page;

import dev.claimcheck.site.index.ExcludedRun;
import java.util.List;

/** The view model of {@code /excluded}: folders and files the site could not use, with the reason. */
public record ExcludedPage(Nav nav, List<ExcludedRun> excluded) {
}
