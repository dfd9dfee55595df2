package dev.claimcheck.core.grade.code;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a Java program in-process with {@code javax.tools}, in memory, with annotation processing off (so
 * compiling runs no code from the program); the class files are then run in the sandbox. The main class is the
 * public top-level class, else the first top-level class declaring {@code main}, else the first class.
 */
final class JavaBuild {
    private static final Pattern PUBLIC_CLASS = Pattern.compile("(?m)^\\s*public\\s+(?:final\\s+)?class\\s+([A-Za-z_$][A-Za-z0-9_$]*)");
    private static final Pattern ANY_CLASS = Pattern.compile("(?m)^\\s*(?:final\\s+)?class\\s+([A-Za-z_$][A-Za-z0-9_$]*)");
    /** Largest total size of the class files produced. */
    static final int MAX_CLASS_BYTES = 8 << 20;

    /** The classes (binary name + ".class" → bytes) and the main class, or a compile error. */
    record Result(String mainClass, Map<String, byte[]> classes, String error) {
    }

    private JavaBuild() {
    }

    static Result compile(String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return new Result(null, Map.of(), "no Java compiler in this runtime (a JRE, not a JDK)");
        }
        String main = mainClass(source);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> out = new TreeMap<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
        JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return out.computeIfAbsent(className, c -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("mem:///" + main + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        boolean ok = javac.getTask(new StringWriter(), files, diagnostics,
                List.of("-proc:none", "-nowarn", "-g:none", "-encoding", "UTF-8", "--release", "17"), null,
                List.of(unit)).call();
        if (!ok) {
            return new Result(null, Map.of(), firstError(diagnostics));
        }
        Map<String, byte[]> classes = new TreeMap<>();
        int total = 0;
        for (var e : out.entrySet()) {
            if (e.getKey().contains(".")) {
                return new Result(null, Map.of(), "packages are not supported: " + e.getKey());
            }
            byte[] bytes = e.getValue().toByteArray();
            total += bytes.length;
            classes.put(e.getKey() + ".class", bytes);
        }
        if (total > MAX_CLASS_BYTES) {
            return new Result(null, Map.of(), "class files over " + MAX_CLASS_BYTES + " bytes");
        }
        if (!classes.containsKey(main + ".class")) {
            return new Result(null, Map.of(), "no class " + main + " was produced");
        }
        return new Result(main, classes, null);
    }

    static String mainClass(String source) {
        Matcher m = PUBLIC_CLASS.matcher(source);
        if (m.find()) {
            return m.group(1);
        }
        Matcher any = ANY_CLASS.matcher(source);
        String first = null;
        while (any.find()) {
            first = first == null ? any.group(1) : first;
            int next = source.indexOf("class ", any.end());
            String body = source.substring(any.end(), next < 0 ? source.length() : next);
            if (body.contains("static void main(")) {
                return any.group(1);
            }
        }
        return first == null ? "Main" : first;
    }

    private static String firstError(DiagnosticCollector<JavaFileObject> diagnostics) {
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String msg = d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
                return "line " + d.getLineNumber() + ": " + (msg.length() > 200 ? msg.substring(0, 200) : msg);
            }
        }
        return "compilation failed";
    }
}
