package dev.claimcheck.core.suite.data;

import dev.claimcheck.core.BadInputException;
import java.util.Locale;

/** The dataset file formats the loaders read, chosen by file extension. */
public enum DatasetFormat {
    /** One JSON object per line ({@code .jsonl}, {@code .ndjson}); blank lines are skipped. */
    JSONL,
    /** One JSON array of objects ({@code .json}). */
    JSON,
    /** RFC 4180 CSV with a header row ({@code .csv}); a UTF-8 BOM and CRLF line ends are accepted. */
    CSV,
    /** Apache Parquet ({@code .parquet}), as Hugging Face publishes datasets; read by {@link ParquetRows}. */
    PARQUET;

    public static DatasetFormat ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return JSONL;
        }
        if (lower.endsWith(".json")) {
            return JSON;
        }
        if (lower.endsWith(".csv")) {
            return CSV;
        }
        if (lower.endsWith(".parquet")) {
            return PARQUET;
        }
        throw new BadInputException(fileName + ": unknown dataset format (expected .jsonl, .ndjson, .json, .csv or .parquet)");
    }
}
