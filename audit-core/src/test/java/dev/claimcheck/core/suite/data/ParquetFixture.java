package dev.claimcheck.core.suite.data;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Writes small parquet files with a real parquet writer (DuckDB's), so tests never need a downloaded dataset. */
public final class ParquetFixture {
    private ParquetFixture() {
    }

    /** Writes the rows of {@code select} (a DuckDB query) to {@code file} as parquet; returns the file. */
    public static Path write(Path file, String select) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (" + select + ") TO '" + file.toAbsolutePath().toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        return file;
    }

    /** A SQL string literal. */
    public static String text(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
