package dev.claimcheck.core.suite.tau2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.tau2.Tau2Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The database a native run works on, read as upstream ships it: {@code db.json} or {@code db.toml} (telecom), and the
 * user's own state beside it ({@code user_db.json} or {@code user_db.toml}: telecom's phone and surroundings), which
 * goes under {@code user_db}, where the ports keep it. TOML has no null: a field upstream leaves {@code None} is simply
 * absent, and the ports read an absent field as they read a null one.
 *
 * @param root the tables by name, with {@code user_db} when the domain ships one
 * @param hash the database file's hash, as shipped
 * @param userHash the user's file's hash, as shipped; null when the domain has none apart
 */
record Tau2Database(ObjectNode root, Tau2Input hash, Tau2Input userHash) {
    static final String USER_DB = "user_db";
    static final List<String> FILES = List.of("db.json", "db.toml");
    static final List<String> USER_FILES = List.of("user_db.json", "user_db.toml");
    private static final TomlMapper TOML = new TomlMapper();

    static Tau2Database load(Path dir) {
        Path db = first(dir, FILES).orElseThrow(() -> new BadInputException(dir + ": no db.json or db.toml: a native run "
                + "needs the database the tools work on"));
        Tau2Input.Read read = Tau2Input.read(db, "db");
        ObjectNode root = object(read.text(), db);
        Path user = first(dir, USER_FILES).orElse(null);
        if (user == null) {
            return new Tau2Database(root, read.hash(), null);
        }
        if (root.has(USER_DB)) {
            throw new BadInputException(dir + ": both " + db.getFileName() + " (its " + USER_DB + ") and "
                    + user.getFileName() + " hold the user's state; keep one");
        }
        Tau2Input.Read userRead = Tau2Input.read(user, "db");
        root.set(USER_DB, object(userRead.text(), user));
        return new Tau2Database(root, read.hash(), userRead.hash());
    }

    /** The domain's database files that are there, in the order they are read. */
    static List<Path> present(Path dir) {
        return java.util.stream.Stream.concat(FILES.stream(), USER_FILES.stream()).map(dir::resolve)
                .filter(Files::isRegularFile).toList();
    }

    private static Optional<Path> first(Path dir, List<String> names) {
        return names.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }

    private static ObjectNode object(String text, Path file) {
        JsonNode root = file.getFileName().toString().endsWith(".toml") ? toml(text, file) : Tau2Json.parse(text, file.toString());
        if (!root.isObject()) {
            throw new BadInputException(file + ": expected an object (tables by name)");
        }
        return (ObjectNode) root;
    }

    /**
     * TOML floats come as decimals; the JSON reader gives doubles, so the ports and the DB check's canonical form see
     * one kind of number whichever file the domain ships.
     */
    private static JsonNode doubles(JsonNode node) {
        if (node.isBigDecimal()) {
            return DoubleNode.valueOf(node.doubleValue());
        }
        if (node instanceof ObjectNode o) {
            o.properties().forEach(e -> e.setValue(doubles(e.getValue())));
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, doubles(a.get(i)));
            }
        }
        return node;
    }

    private static JsonNode toml(String text, Path file) {
        try {
            return doubles(TOML.readTree(text));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new BadInputException(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": malformed TOML (" + e.getOriginalMessage() + ")", e);
        }
    }
}
