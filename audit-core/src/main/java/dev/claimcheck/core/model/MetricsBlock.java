package dev.claimcheck.core.model;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.List;
import java.util.Map;

/**
 * The key of one workload block of run.json {@code metrics}: its JSON name and its type. The workload that owns the
 * block declares it beside its figures (e.g. {@code suite.math.MathFigures.BLOCK}), so {@link Metrics} holds every
 * workload's blocks without naming any (docs/architecture.md §5.3).
 *
 * @param name the key under {@code metrics} ("math", "cells", …), unique across workloads
 * @param type the block's Java type as Jackson reads it (a record, or a list or map of records)
 */
public record MetricsBlock<T>(String name, JavaType type) {
    public MetricsBlock {
        if (name == null || name.isBlank() || Metrics.SHARED_FIELDS.contains(name)) {
            throw new IllegalArgumentException("a metrics block needs a name of its own, not '" + name + "'");
        }
    }

    /** A block holding one record. */
    public static <T> MetricsBlock<T> of(String name, Class<T> type) {
        return new MetricsBlock<>(name, TypeFactory.defaultInstance().constructType(type));
    }

    /** A block holding a JSON array of records. */
    public static <T> MetricsBlock<List<T>> listOf(String name, Class<T> element) {
        return new MetricsBlock<>(name, TypeFactory.defaultInstance().constructCollectionType(List.class, element));
    }

    /** A block holding a JSON object of records keyed by string. */
    public static <T> MetricsBlock<Map<String, T>> mapOf(String name, Class<T> value) {
        return new MetricsBlock<>(name, TypeFactory.defaultInstance().constructMapType(Map.class, String.class, value));
    }
}
