package dev.claimcheck.core.suite.agent;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The workspace tasks: fix a config value, rename a function across files, add a changelog entry. */
final class WorkspaceTasks {
    private static final String CHANGELOG = "docs/CHANGELOG.md";
    private static final String NOTES = "docs/notes.md";

    private WorkspaceTasks() {
    }

    static List<AgentTask> all() {
        List<AgentTask> tasks = new ArrayList<>();
        tasks.add(config("ws-config-1", "config/app.conf", "config/worker.conf", "timeout", "45", "90"));
        tasks.add(config("ws-config-2", "config/worker.conf", "config/app.conf", "retries", "7", "2"));
        tasks.add(config("ws-config-3", "config/app.conf", "config/worker.conf", "log_level", "debug", "error"));
        tasks.add(config("ws-config-4", "config/worker.conf", "config/app.conf", "timeout", "120", "15"));
        tasks.add(config("ws-config-5", "config/app.conf", "config/worker.conf", "retries", "10", "0"));
        tasks.add(rename("ws-rename-1", "fetch_data", "format_row", "fetch_records", "load_rows"));
        tasks.add(rename("ws-rename-2", "parse_args", "load_config", "read_cli_args", "parse_cli"));
        tasks.add(rename("ws-rename-3", "load_config", "parse_args", "read_config", "load_settings"));
        tasks.add(rename("ws-rename-4", "format_row", "fetch_data", "render_row", "row_to_text"));
        tasks.add(rename("ws-rename-5", "fetch_data", "parse_args", "get_rows", "read_rows"));
        tasks.add(changelog("ws-changelog-1", "- 1.3.0: retries are configurable", "- 1.3.0: timeouts are configurable"));
        tasks.add(changelog("ws-changelog-2", "- 1.3.0: faster report rendering", "- 1.3.0: report rows are sorted"));
        tasks.add(changelog("ws-changelog-3", "- 1.2.1: fixed the worker log level", "- 1.2.1: fixed the worker thread count"));
        tasks.add(changelog("ws-changelog-4", "- 2.0.0: new config format", "- 2.0.0: config files are validated"));
        return tasks;
    }

    private static AgentTask config(String id, String file, String decoy, String key, String value, String changed) {
        String keep = " Keep every other line as it is.";
        return new AgentTask(id, "workspace", Workspace::new,
                "In " + file + ", set " + key + " to " + value + "." + keep,
                "Set " + key + " to " + value + " in the service's config file." + keep,
                "I mean " + file + ".",
                "set " + key + " to " + changed + " instead of " + value + ".",
                EnumSet.allOf(Fault.class), "write_file", file,
                d -> {
                    d.call("list_files");
                    String f = d.pick(file, decoy);
                    d.edit(f, c -> setKey(c, key, d.value(value, changed)));
                },
                d -> {
                    d.call("list_files");
                    d.edit(decoy, c -> setKey(c, key, value));
                },
                (w, cp) -> expectEdited((Workspace) w, file, c -> setKey(c, key, cp ? changed : value)));
    }

    private static AgentTask rename(String id, String old, String decoy, String name, String changed) {
        String stale = firstFileContaining(old);
        return new AgentTask(id, "workspace", Workspace::new,
                "Rename the function " + old + " to " + name + " everywhere in the workspace: its definition and every use.",
                "Rename the helper function defined in src/util.py to " + name
                        + " everywhere in the workspace: its definition and every use.",
                "I mean " + old + ".",
                "name it " + changed + " instead of " + name + ".",
                EnumSet.allOf(Fault.class), "write_file", stale,
                d -> {
                    String target = d.pick(old, decoy);
                    var found = d.call("search", "query", target);
                    Set<String> paths = new LinkedHashSet<>();
                    found.path("matches").forEach(m -> paths.add(m.path("path").asText()));
                    for (String p : paths) {
                        d.edit(p, c -> renameWord(c, target, d.value(name, changed)));
                    }
                },
                // A plausible wrong solution: renames the definition and forgets the uses.
                d -> d.edit("src/util.py", c -> renameWord(c, old, name)),
                (w, cp) -> {
                    Workspace ws = (Workspace) w;
                    Map<String, String> expected = new TreeMap<>();
                    ws.baseline().forEach((p, c) -> expected.put(p, renameWord(c, old, cp ? changed : name)));
                    return ws.filesEqual(expected);
                });
    }

    private static AgentTask changelog(String id, String entry, String changed) {
        return new AgentTask(id, "workspace", Workspace::new,
                "Add the entry \"" + entry + "\" as the last line of " + CHANGELOG + ".",
                "Add the entry \"" + entry + "\" as the last line of the project's notes file.",
                "I mean the changelog, " + CHANGELOG + ".",
                "the entry must read \"" + changed + "\" instead.",
                EnumSet.allOf(Fault.class), "write_file", CHANGELOG,
                d -> {
                    d.call("list_files");
                    d.edit(d.pick(CHANGELOG, NOTES), c -> Workspace.appendLine(c, d.value(entry, changed)));
                },
                d -> {
                    d.call("list_files");
                    d.edit(NOTES, c -> Workspace.appendLine(c, entry));
                },
                (w, cp) -> expectEdited((Workspace) w, CHANGELOG, c -> Workspace.appendLine(c, cp ? changed : entry)));
    }

    /** The files equal the baseline with only {@code path} changed by {@code change}. */
    private static boolean expectEdited(Workspace ws, String path, java.util.function.UnaryOperator<String> change) {
        Map<String, String> expected = new TreeMap<>(ws.baseline());
        expected.put(path, change.apply(expected.get(path)));
        return ws.filesEqual(expected);
    }

    static String setKey(String content, String key, String value) {
        return Pattern.compile("(?m)^" + Pattern.quote(key) + " = .*$").matcher(content)
                .replaceAll(Matcher.quoteReplacement(key + " = " + value));
    }

    static String renameWord(String content, String from, String to) {
        return Pattern.compile("\\b" + Pattern.quote(from) + "\\b").matcher(content).replaceAll(Matcher.quoteReplacement(to));
    }

    private static String firstFileContaining(String word) {
        return new TreeMap<>(Workspace.INITIAL).entrySet().stream().filter(e -> e.getValue().contains(word))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }
}
