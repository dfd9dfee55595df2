package dev.claimcheck.core.model;

/**
 * The mean of a quantity that is not a proportion (milliseconds, token ratios), with a t interval over its
 * observations; not clipped.
 *
 * @param mean the mean
 * @param ci95Low lower end of the 95% interval; null with fewer than 2 observations
 * @param ci95High upper end, likewise
 * @param n observations
 */
public record MeanInterval(double mean, Double ci95Low, Double ci95High, int n) {
}
