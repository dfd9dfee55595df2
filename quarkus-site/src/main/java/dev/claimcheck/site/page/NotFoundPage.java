package dev.claimcheck.site.page;

/** A 404 page: {@code what} names what was asked for. */
public record NotFoundPage(Nav nav, String what) {
}
