package dev.claimcheck.core.suite.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A workspace of text files with version tags: every write names the version it was based on, and a write
 * against an outdated version is rejected, so a concurrent edit is never silently overwritten.
 */
final class Workspace implements World {
    static final String CONCURRENT_LINE = "# reviewed by the ops team";

    private final List<Tool> tools = List.of(
            Tool.of("list_files", "List every file with its version tag and line count.", false, this::list),
            Tool.of("read_file", "Read a file: returns its content and its current version tag.", false, this::read, "path:string"),
            Tool.of("write_file", "Replace a file's whole content. 'version' must be the version tag of the content the "
                    + "change is based on (0 to create a new file); a write against an outdated version is rejected.",
                    true, a -> write(a.string("path"), a.string("content"), a.integer("version")),
                    "path:string", "content:string", "version:integer"),
            Tool.of("search", "Find lines containing a literal text in every file.", false, this::search, "query:string"));

    /** The files every workspace task starts from. */
    static final Map<String, String> INITIAL = Map.of(
            "README.md", """
                    # inventory-service
                    A small service that syncs stock levels.
                    Run it with: python src/app.py --config config/app.conf
                    """,
            "src/app.py", """
                    from util import fetch_data, parse_args, load_config

                    def main():
                        args = parse_args()
                        config = load_config(args.config)
                        rows = fetch_data(config["source"])
                        print(len(rows))
                    """,
            "src/util.py", """
                    def parse_args():
                        return {"config": "config/app.conf"}

                    def load_config(path):
                        return dict(line.split(" = ") for line in open(path))

                    def fetch_data(source):
                        return [row for row in source]

                    def format_row(row):
                        return ", ".join(str(v) for v in row)
                    """,
            "src/report.py", """
                    from util import fetch_data, format_row

                    def report(source):
                        for row in fetch_data(source):
                            print(format_row(row))
                    """,
            "config/app.conf", """
                    timeout = 30
                    retries = 3
                    log_level = info
                    port = 8080
                    """,
            "config/worker.conf", """
                    timeout = 60
                    retries = 5
                    log_level = warn
                    threads = 4
                    """,
            "docs/CHANGELOG.md", """
                    # Changelog

                    - 1.2.0: added the worker pool
                    - 1.1.0: first release
                    """,
            "docs/notes.md", """
                    # Notes

                    - rotate logs weekly
                    """);

    private final Map<String, String> files = new TreeMap<>(INITIAL);
    private final Map<String, Integer> versions = new TreeMap<>();
    /** The files as they would be had the agent done nothing: the initial ones plus concurrent edits. */
    private final Map<String, String> baseline = new TreeMap<>(INITIAL);

    Workspace() {
        files.keySet().forEach(p -> versions.put(p, 1));
    }

    @Override
    public List<Tool> tools() {
        return tools;
    }

    private ObjectNode list(Args args) {
        ObjectNode out = ToolSpec.JSON.createObjectNode();
        ArrayNode list = out.putArray("files");
        files.forEach((p, c) -> list.addObject().put("path", p).put("version", versions.get(p))
                .put("lines", c.split("\n", -1).length - (c.endsWith("\n") ? 1 : 0)));
        return out;
    }

    private ObjectNode read(Args args) {
        String path = args.string("path");
        String content = files.get(path);
        return content == null ? World.error("no such file: " + path)
                : ToolSpec.JSON.createObjectNode().put("path", path).put("content", content).put("version", versions.get(path));
    }

    private ObjectNode search(Args args) {
        String query = args.string("query");
        ObjectNode out = ToolSpec.JSON.createObjectNode();
        ArrayNode matches = out.putArray("matches");
        if (!query.isEmpty()) {
            files.forEach((p, c) -> {
                String[] lines = c.split("\n");
                for (int i = 0; i < lines.length && matches.size() < 50; i++) {
                    if (lines[i].contains(query)) {
                        matches.addObject().put("path", p).put("line", i + 1).put("text", lines[i]);
                    }
                }
            });
        }
        return out;
    }

    private ObjectNode write(String path, String content, int version) {
        Integer current = versions.get(path);
        int have = current == null ? 0 : current;
        if (version != have) {
            return World.error("version conflict: " + path + " is at version " + have + ", the write was based on version "
                    + version + "; read the file again and reapply the change");
        }
        if (content.length() > 256 * 1024) {
            return World.error("content too large: " + content.length() + " characters (limit 262144)");
        }
        files.put(path, content);
        versions.put(path, have + 1);
        return World.ok().put("path", path).put("version", have + 1);
    }

    @Override
    public boolean concurrentEdit(String target) {
        String content = files.get(target);
        if (content == null) {
            return false;
        }
        String edited = appendLine(content, CONCURRENT_LINE);
        files.put(target, edited);
        versions.put(target, versions.get(target) + 1);
        baseline.put(target, appendLine(baseline.get(target), CONCURRENT_LINE));
        return true;
    }

    @Override
    public String readTool() {
        return "read_file";
    }

    /** The current files. */
    Map<String, String> files() {
        return java.util.Collections.unmodifiableMap(files);
    }

    /** What the files would hold had the agent changed nothing (concurrent edits included). */
    Map<String, String> baseline() {
        return java.util.Collections.unmodifiableMap(baseline);
    }

    /** Whether the files equal {@code expected}, ignoring trailing whitespace at the end of each file. */
    boolean filesEqual(Map<String, String> expected) {
        if (!files.keySet().equals(expected.keySet())) {
            return false;
        }
        for (var e : expected.entrySet()) {
            if (!files.get(e.getKey()).stripTrailing().equals(e.getValue().stripTrailing())) {
                return false;
            }
        }
        return true;
    }

    static String appendLine(String content, String line) {
        return content.endsWith("\n") || content.isEmpty() ? content + line + "\n" : content + "\n" + line + "\n";
    }
}
