package dev.claimcheck.core.suite.data;

import java.util.Locale;

/** What a parquet column holds, coarsely: what a reader checks before it reads a row ({@link ParquetRows#require}). */
public enum ColumnKind {
    TEXT("text"),
    INTEGER("an integer"),
    /** Floating point and decimals. */
    REAL("a real number"),
    BOOLEAN("a boolean"),
    LIST("a list"),
    STRUCT("a struct"),
    OTHER("another type");

    private final String description;

    ColumnKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The kind of DuckDB's type name ({@code VARCHAR}, {@code BIGINT}, {@code DECIMAL(9,2)}, {@code VARCHAR[]}, …). */
    public static ColumnKind of(String duckType) {
        String t = duckType.strip().toUpperCase(Locale.ROOT);
        if (t.endsWith("]")) {
            return LIST;
        }
        if (t.startsWith("STRUCT") || t.startsWith("MAP")) {
            return STRUCT;
        }
        if (t.startsWith("DECIMAL")) {
            return REAL;
        }
        return switch (t) {
            case "VARCHAR", "TEXT", "STRING" -> TEXT;
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT",
                    "UHUGEINT" -> INTEGER;
            case "FLOAT", "DOUBLE", "REAL" -> REAL;
            case "BOOLEAN" -> BOOLEAN;
            default -> OTHER;
        };
    }
}
