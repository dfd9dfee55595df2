package dev.claimcheck.core.suite.data;

import dev.claimcheck.core.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One parquet file as a publisher ships it (Hugging Face datasets: {@code data/train-00000-of-00001.parquet}),
 * read through DuckDB's embedded engine (docs/datasets.md): its SHA-256 (of the file's bytes, as every dataset is
 * hashed), its columns with their types, and its rows streamed in file order as maps of plain Java values. Suites
 * that read parquet (math here; MRCR and SWE-bench later) check the columns they need with {@link #require} and
 * then read rows with {@link #forEach}; every failure is a {@link BadInputException} naming the file (and the row).
 *
 * <p>Values: text as {@link String}; integers as {@link Long} ({@link BigInteger} past 64 bits); floating point as
 * {@link Double}; decimals as {@link BigDecimal}; booleans; lists as {@link List}; structs as {@link Map} in
 * field order; null as null; anything else (dates, blobs) as DuckDB's text form.
 */
public final class ParquetRows {
    /** The first and last four bytes of every parquet file. */
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    private final Path file;
    private final String name;
    private final String sha256;
    private final List<Column> columns;
    private final long rowCount;

    private ParquetRows(Path file, String sha256, List<Column> columns, long rowCount) {
        this.file = file;
        this.name = file.getFileName().toString();
        this.sha256 = sha256;
        this.columns = List.copyOf(columns);
        this.rowCount = rowCount;
    }

    /** One column: its name and DuckDB's name for its type ({@code VARCHAR}, {@code BIGINT}, {@code VARCHAR[]}, …). */
    public record Column(String name, String type) {
        public ColumnKind kind() {
            return ColumnKind.of(type);
        }
    }

    /**
     * One row.
     *
     * @param number the 1-based position of the row in the file, for messages ("{@code file.parquet: row 3: …}")
     * @param values column name to value, in the file's column order
     */
    public record Row(long number, Map<String, Object> values) {
        public Object get(String column) {
            return values.get(column);
        }
    }

    /** Opens a file: checks it exists and is parquet, hashes it and reads its schema; reads no rows yet. */
    public static ParquetRows open(Path file) {
        String name = file.getFileName().toString();
        String path = file.toAbsolutePath().toString();
        if (path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{')) {
            // DuckDB would read the path as a glob over several files.
            throw new BadInputException(name + ": a parquet path must not contain *, ?, [ or { (rename the file)");
        }
        String sha = hashAndCheckMagic(file, name);
        List<Column> columns = new ArrayList<>();
        long rows;
        try (Connection c = connect()) {
            try (PreparedStatement s = c.prepareStatement("DESCRIBE SELECT * FROM read_parquet(?)")) {
                s.setString(1, path);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        columns.add(new Column(r.getString("column_name"), r.getString("column_type")));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM read_parquet(?)")) {
                s.setString(1, path);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    rows = r.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new BadInputException(name + ": not a readable parquet file: " + firstLine(e));
        }
        return new ParquetRows(file, sha, columns, rows);
    }

    public String fileName() {
        return name;
    }

    /** SHA-256 of the file's bytes, lower-case hex: what a recipe pins. */
    public String sha256() {
        return sha256;
    }

    public List<Column> columns() {
        return columns;
    }

    public long rowCount() {
        return rowCount;
    }

    /** The column named exactly so, or, failing that, ignoring case; null when there is none. */
    public Column column(String wanted) {
        for (Column c : columns) {
            if (c.name().equals(wanted)) {
                return c;
            }
        }
        for (Column c : columns) {
            if (c.name().equalsIgnoreCase(wanted)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The column a reader needs, of one of the kinds it can use; otherwise a message naming the file, the column,
     * its type and the kinds accepted (and, for a missing column, the columns there are).
     */
    public Column require(String wanted, ColumnKind... accepted) {
        Column c = column(wanted);
        if (c == null) {
            throw new BadInputException(name + ": no column '" + wanted + "' (columns: "
                    + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + ")");
        }
        if (accepted.length > 0 && !Arrays.asList(accepted).contains(c.kind())) {
            throw new BadInputException(name + ": column '" + c.name() + "' is " + c.type() + ", expected "
                    + Arrays.stream(accepted).map(ColumnKind::description).collect(Collectors.joining(" or ")));
        }
        return c;
    }

    /** Streams every row, in file order, to {@code consumer}; a consumer's BadInputException passes through. */
    public void forEach(Consumer<Row> consumer) {
        Properties streaming = new Properties();
        streaming.setProperty("jdbc_stream_results", "true");
        try (Connection c = connect(streaming);
             PreparedStatement s = c.prepareStatement("SELECT * FROM read_parquet(?)")) {
            s.setString(1, file.toAbsolutePath().toString());
            try (ResultSet r = s.executeQuery()) {
                int n = r.getMetaData().getColumnCount();
                long number = 0;
                while (r.next()) {
                    number++;
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int i = 1; i <= n; i++) {
                        values.put(columns.get(i - 1).name(), plain(r.getObject(i)));
                    }
                    consumer.accept(new Row(number, values));
                }
            }
        } catch (SQLException e) {
            throw new BadInputException(name + ": cannot read its rows: " + firstLine(e));
        }
    }

    /**
     * One row by its 1-based {@link Row#number}, read again from the file: for suites whose rows are too large to
     * hold all at once (MRCR's prompts of up to 1M tokens), which keep the number and re-read a row when needed.
     */
    public Row row(long number) {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement(
                     "SELECT * EXCLUDE (file_row_number) FROM read_parquet(?, file_row_number = true) WHERE file_row_number = ?")) {
            s.setString(1, file.toAbsolutePath().toString());
            s.setLong(2, number - 1);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new BadInputException(name + ": no row " + number + " (the file has " + rowCount + ")");
                }
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 1; i <= columns.size(); i++) {
                    values.put(columns.get(i - 1).name(), plain(r.getObject(i)));
                }
                return new Row(number, values);
            }
        } catch (SQLException e) {
            throw new BadInputException(name + ": cannot read row " + number + ": " + firstLine(e));
        }
    }

    /** Every row, for files small enough to hold (a competition's problems). */
    public List<Row> readAll() {
        List<Row> rows = new ArrayList<>();
        forEach(rows::add);
        return rows;
    }

    private static Object plain(Object v) throws SQLException {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Boolean || v instanceof Double
                || v instanceof BigInteger || v instanceof BigDecimal) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Array a) {
            List<Object> list = new ArrayList<>();
            for (Object o : (Object[]) a.getArray()) {
                list.add(plain(o));
            }
            return list;
        }
        if (v instanceof Struct s) {
            // DuckDB's struct also exposes its fields by name, in declaration order.
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((org.duckdb.DuckDBStruct) s).getMap().entrySet()) {
                map.put(String.valueOf(e.getKey()), plain(e.getValue()));
            }
            return map;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                map.put(String.valueOf(e.getKey()), plain(e.getValue()));
            }
            return map;
        }
        return v.toString();
    }

    private static String hashAndCheckMagic(Path file, String name) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        byte[] head = new byte[4];
        byte[] tail = new byte[4];
        long size = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++, size++) {
                    if (size < 4) {
                        head[(int) size] = buf[i];
                    }
                    tail[(int) (size % 4)] = buf[i];
                }
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException("dataset file not found: " + file);
        } catch (IOException e) {
            throw new BadInputException("cannot read dataset " + file + ": " + e.getMessage(), e);
        }
        byte[] last = new byte[4];
        for (int i = 0; i < 4; i++) {
            last[i] = tail[(int) ((size + i) % 4)];
        }
        if (size < 12 || !Arrays.equals(head, MAGIC) || !Arrays.equals(last, MAGIC)) {
            throw new BadInputException(name + ": not a parquet file (" + size + " bytes; a parquet file begins and ends with"
                    + " 'PAR1')" + (size > 0 && (head[0] == '{' || head[0] == '[') ? "; it looks like JSON: name it .jsonl or .json" : ""));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Connection connect() throws SQLException {
        return connect(new Properties());
    }

    private static Connection connect(Properties extra) throws SQLException {
        Properties p = new Properties();
        // Offline and local only: never fetch an extension; parquet is built into the driver.
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("autoload_known_extensions", "false");
        p.putAll(extra);
        return DriverManager.getConnection("jdbc:duckdb:", p);
    }

    private static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
