package dev.claimcheck.core.scripts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the script checks need to know about the repository: its root (the folder holding
 * jbang-catalog.json; tests run with cwd = audit-core), the catalog, the scripts' directives and
 * the versions the Maven build manages.
 */
final class Repo {
    static final String CATALOG = "jbang-catalog.json";
    static final String CORE_GROUP = "dev.claimcheck";
    static final String CORE_ARTIFACT = "audit-core";

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    final Path root;

    private Repo(Path root) {
        this.root = root;
    }

    static Repo find() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(CATALOG)) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return new Repo(d);
            }
        }
        throw new IllegalStateException("no " + CATALOG + " beside a pom.xml in " + dir + " or any folder above it");
    }

    // ---- catalog ----------------------------------------------------------------------------

    /** alias name → script-ref, in catalog order. */
    Map<String, String> aliases() {
        JsonNode catalog = readJson(root.resolve(CATALOG));
        JsonNode aliases = catalog.path("aliases");
        if (!aliases.isObject()) {
            throw new AssertionError(CATALOG + " has no \"aliases\" object");
        }
        Map<String, String> result = new LinkedHashMap<>();
        aliases.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().path("script-ref").asText(null)));
        return result;
    }

    JsonNode catalogAlias(String name) {
        return readJson(root.resolve(CATALOG)).path("aliases").path(name);
    }

    /** The script a catalog's script-ref names, resolved relative to the catalog's folder. */
    Path script(String scriptRef) {
        return root.resolve(scriptRef).normalize();
    }

    // ---- script directives --------------------------------------------------------------------

    /** The coordinates of every //DEPS line (several per line allowed, separated by spaces or commas). */
    static List<String> deps(Path script) {
        List<String> deps = new ArrayList<>();
        for (String line : lines(script)) {
            if (line.startsWith("//DEPS ") || line.equals("//DEPS")) {
                for (String token : line.substring("//DEPS".length()).trim().split("[\\s,]+")) {
                    if (!token.isEmpty()) {
                        deps.add(token);
                    }
                }
            }
        }
        return deps;
    }

    static Optional<String> directive(Path script, String name) {
        String prefix = "//" + name + " ";
        return lines(script).stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).trim()).findFirst();
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the Maven build ----------------------------------------------------------------------

    /** The parent pom: project version, properties, managed versions (own entries and imported BOMs). */
    Pom parentPom() {
        return Pom.read(root.resolve("pom.xml"), Map.of());
    }

    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String jbangRepo = System.getenv("JBANG_REPO");
        if (jbangRepo != null && !jbangRepo.isBlank()) {
            return Path.of(jbangRepo);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    record Managed(String version, String type, String scope) {
    }

    record Pom(Path file, String groupId, String artifactId, String version, String parentVersion,
               Map<String, String> properties, Map<String, Managed> managed) {

        static Pom read(Path file, Map<String, String> inherited) {
            Document doc = parse(file);
            Element project = doc.getDocumentElement();
            Element parent = child(project, "parent");
            String parentVersion = parent == null ? null : text(parent, "version");
            String groupId = Optional.ofNullable(text(project, "groupId")).orElse(parent == null ? null : text(parent, "groupId"));
            String version = Optional.ofNullable(text(project, "version")).orElse(parentVersion);
            Map<String, String> props = new LinkedHashMap<>(inherited);
            props.put("project.version", version);
            props.put("project.groupId", groupId);
            Element properties = child(project, "properties");
            if (properties != null) {
                for (Node n = properties.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e) {
                        props.put(e.getTagName(), e.getTextContent().trim());
                    }
                }
            }
            Map<String, Managed> managed = new LinkedHashMap<>();
            Element dm = child(project, "dependencyManagement");
            Element deps = dm == null ? null : child(dm, "dependencies");
            if (deps != null) {
                for (Node n = deps.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element d && d.getTagName().equals("dependency")) {
                        String key = interpolate(text(d, "groupId"), props) + ":" + interpolate(text(d, "artifactId"), props);
                        managed.putIfAbsent(key, new Managed(interpolate(text(d, "version"), props),
                                Optional.ofNullable(text(d, "type")).orElse("jar"), text(d, "scope")));
                    }
                }
            }
            return new Pom(file, groupId, text(project, "artifactId"), version, parentVersion, props, managed);
        }

        /** Managed version of groupId:artifactId: own entries first, then imported BOMs from the local repository. */
        Optional<String> managedVersion(String groupAndArtifact) {
            Managed own = managed.get(groupAndArtifact);
            if (own != null) { // includes an imported BOM itself (a script's //DEPS g:a:v@pom)
                return Optional.ofNullable(own.version());
            }
            for (Map.Entry<String, Managed> e : managed.entrySet()) {
                if ("import".equals(e.getValue().scope())) {
                    Optional<Pom> bom = importedBom(e.getKey(), e.getValue().version());
                    if (bom.isPresent()) {
                        Managed m = bom.get().managed().get(groupAndArtifact);
                        if (m != null) {
                            return Optional.ofNullable(m.version());
                        }
                    }
                }
            }
            return Optional.empty();
        }

        static Optional<Pom> importedBom(String groupAndArtifact, String version) {
            String[] ga = groupAndArtifact.split(":");
            Path pom = localRepository().resolve(ga[0].replace('.', '/')).resolve(ga[1]).resolve(version)
                    .resolve(ga[1] + "-" + version + ".pom");
            return Files.isRegularFile(pom) ? Optional.of(read(pom, Map.of())) : Optional.empty();
        }
    }

    static String interpolate(String value, Map<String, String> props) {
        if (value == null) {
            return null;
        }
        String current = value;
        for (int round = 0; round < 10 && current.contains("${"); round++) {
            Matcher m = PROPERTY.matcher(current);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(props.getOrDefault(m.group(1), m.group())));
            }
            m.appendTail(sb);
            if (sb.toString().equals(current)) {
                break;
            }
            current = sb.toString();
        }
        return current;
    }

    private static Document parse(Path file) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    private static JsonNode readJson(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
