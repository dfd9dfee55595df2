package dev.claimcheck.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The import graph between the first-level packages of a source tree, and its cycles (docs/architecture.md §2.3). */
public final class PackageCycles {
    private PackageCycles() {
    }

    /** Each cycle as "a -> b -> a", one per package that lies on one; empty when the graph is acyclic. */
    public static List<String> find(Path sources, String basePackage) throws IOException {
        Pattern imports = Pattern.compile("^import (?:static )?" + Pattern.quote(basePackage) + "\\.([a-z]\\w*)\\.",
                Pattern.MULTILINE);
        Map<String, Set<String>> edges = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path rel = sources.relativize(f);
                if (rel.getNameCount() < 2) {
                    continue;
                }
                String from = rel.getName(0).toString();
                Matcher m = imports.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        edges.computeIfAbsent(from, k -> new TreeSet<>()).add(m.group(1));
                    }
                }
            }
        }
        List<String> cycles = new ArrayList<>();
        for (String start : edges.keySet()) {
            List<String> path = pathBack(edges, start, start, new TreeSet<>());
            if (path != null && path.stream().allMatch(p -> p.compareTo(start) >= 0)) { // report each cycle once
                cycles.add(start + " -> " + String.join(" -> ", path));
            }
        }
        return cycles;
    }

    private static List<String> pathBack(Map<String, Set<String>> edges, String at, String target, Set<String> seen) {
        for (String next : edges.getOrDefault(at, Set.of())) {
            if (next.equals(target)) {
                return new ArrayList<>(List.of(next));
            }
            if (seen.add(next)) {
                List<String> rest = pathBack(edges, next, target, seen);
                if (rest != null) {
                    rest.add(0, next);
                    return rest;
                }
            }
        }
        return null;
    }
}
