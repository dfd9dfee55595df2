package dev.claimcheck.core.grade.ifeval;

/** One instruction with its kwargs bound: whether a response follows it. */
@FunctionalInterface
public interface Check {
    boolean follows(String response);
}
