package dev.claimcheck.site.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The site's own settings, every {@code claimcheck.*} key in one place (application.properties, {@code -D}, or
 * {@code ./jbang site@. --root DIR}, which sets {@code claimcheck.root}).
 */
@ConfigMapping(prefix = "claimcheck")
public interface SiteConfig {
    /** The root the site reads ({@code results/} and {@code proofs/}). */
    @WithDefault(".")
    String root();

    /** How often the root is checked for changed files, in ms ({@code claimcheck.poll-ms}); 0 or less turns the refresh off. */
    @WithDefault("2000")
    long pollMs();

    /**
     * Where claims files and recipes the root lacks are read ({@code index.Checkout}): {@code auto} (the nearest checkout
     * at or above the root, else above the working folder), {@code none}, or a checkout's folder.
     */
    @WithDefault("auto")
    String checkout();
}
