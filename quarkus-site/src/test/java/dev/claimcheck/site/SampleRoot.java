package dev.claimcheck.site;

import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.index.IndexLoader;
import java.nio.file.Path;
import java.time.Instant;

/** The committed test root (src/test/resources/sample-root, see its README). */
public final class SampleRoot {
    public static final Path DIR = Path.of("src/test/resources/sample-root");
    /** Run ids in the fixture. */
    public static final String ACME_RUN = "20261129T025732Z-1563c0be";
    public static final String RING_RUN = "20261129T025743Z-0ccaf1b7";
    /** The moment the fixture is indexed at: after every run id in it (a run dated later would be refused). */
    public static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");
    public static final String ACME_MODEL = "acme/Calc<b>&\"One\"";

    private SampleRoot() {
    }

    public static Root root() {
        return new Root(DIR.toAbsolutePath());
    }

    public static SiteModel model() {
        return new SiteModel(IndexLoader.load(root(), AT));
    }
}
