package dev.claimcheck.site.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders a solution, statement or justification (Markdown with LaTeX, written by a model or a vendor: hostile) to
 * HTML that is safe to insert as is. Raw HTML in the source is escaped, never passed through; link and image targets
 * other than http, https and mailto are dropped. LaTeX ({@code $…$}, {@code $$…$$}, {@code \(…\)}, {@code \[…\]}) is
 * taken out before the Markdown parser sees it (so {@code _} and {@code *} inside math stay math) and written back
 * as the escaped TeX source in {@code <span class="math">}, which KaTeX typesets in the browser; without scripts the
 * reader sees the TeX.
 */
public final class MathMarkdown {
    /** Marks a piece of math taken out of the source; private-use characters, removed from the input first. */
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .nodeRendererFactory(c -> new MathRenderer(c.getWriter()))
            .attributeProviderFactory(c -> (node, tag, attrs) -> {
                if (tag.equals("a")) {
                    attrs.put("rel", "nofollow noopener noreferrer");
                }
            }).build();

    private MathMarkdown() {
    }

    /** One piece of math as written, without its delimiters. */
    record Math(String tex, boolean display, String source) {
    }

    /** The HTML of {@code markdown}. */
    public static String render(String markdown) {
        List<Math> maths = new ArrayList<>();
        String text = extract(markdown.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), ""), maths);
        Node doc = PARSER.parse(text);
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                split(t, maths);
            }
        });
        String html = RENDERER.render(doc);
        // A marker left where math was not a text node (a link title, indented code): its source, escaped as text.
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            int end = c == OPEN ? html.indexOf(CLOSE, i) : -1;
            if (end > i) {
                out.append(escape(maths.get(Integer.parseInt(html.substring(i + 1, end))).source()));
                i = end;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Replaces every piece of math outside code by a marker; fenced code and code spans are kept as written. */
    static String extract(String src, List<Math> maths) {
        StringBuilder out = new StringBuilder();
        boolean fenced = false;
        StringBuilder prose = new StringBuilder();
        for (String line : src.split("\n", -1)) {
            String t = line.stripLeading();
            boolean fence = t.startsWith("```") || t.startsWith("~~~");
            if (fenced || fence) {
                out.append(scan(prose.toString(), maths));
                prose.setLength(0);
                out.append(line).append('\n');
                if (fence) {
                    fenced = !fenced;
                }
            } else {
                prose.append(line).append('\n');
            }
        }
        out.append(scan(prose.toString(), maths));
        return out.length() > 0 && !src.endsWith("\n") ? out.substring(0, out.length() - 1) : out.toString();
    }

    private static String scan(String s, List<Math> maths) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '`') {
                int run = 0;
                while (i + run < s.length() && s.charAt(i + run) == '`') {
                    run++;
                }
                String ticks = "`".repeat(run);
                int end = s.indexOf(ticks, i + run);
                int stop = end < 0 ? i + run : end + run;
                out.append(s, i, stop);
                i = stop;
            } else if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '[' || s.charAt(i + 1) == '(')) {
                String close = s.charAt(i + 1) == '[' ? "\\]" : "\\)";
                int end = s.indexOf(close, i + 2);
                i = end < 0 ? copy(out, s, i, i + 2) : math(out, maths, s, i, 2, end, s.charAt(i + 1) == '[');
            } else if (c == '\\' && i + 1 < s.length()) {
                i = copy(out, s, i, i + 2); // an escaped character, \$ included, is the parser's
            } else if (c == '$' && s.startsWith("$$", i)) {
                int end = s.indexOf("$$", i + 2);
                i = end < 0 ? copy(out, s, i, i + 2) : math(out, maths, s, i, 2, end, true);
            } else if (c == '$') {
                int end = inlineEnd(s, i);
                i = end < 0 ? copy(out, s, i, i + 1) : math(out, maths, s, i, 1, end, false);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The closing {@code $} of inline math opened at {@code i}: not after a space, not before a digit, in the paragraph. */
    private static int inlineEnd(String s, int i) {
        if (i + 1 >= s.length() || Character.isWhitespace(s.charAt(i + 1))) {
            return -1;
        }
        for (int j = i + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '\n' && j + 1 < s.length() && s.charAt(j + 1) == '\n') {
                return -1;
            } else if (c == '$') {
                boolean ok = !Character.isWhitespace(s.charAt(j - 1)) && (j + 1 >= s.length() || !Character.isDigit(s.charAt(j + 1)));
                return ok ? j : -1;
            }
        }
        return -1;
    }

    private static int copy(StringBuilder out, String s, int from, int to) {
        out.append(s, from, to);
        return to;
    }

    private static int math(StringBuilder out, List<Math> maths, String s, int start, int delim, int end, boolean display) {
        out.append(OPEN).append(maths.size()).append(CLOSE);
        maths.add(new Math(s.substring(start + delim, end), display, s.substring(start, end + delim)));
        return end + delim;
    }

    /** Splits a text node at its markers into text and math nodes. */
    private static void split(Text t, List<Math> maths) {
        String s = t.getLiteral();
        if (s.indexOf(OPEN) < 0) {
            return;
        }
        int i = 0;
        while (i < s.length()) {
            int open = s.indexOf(OPEN, i);
            int close = open < 0 ? -1 : s.indexOf(CLOSE, open);
            if (open < 0 || close < 0) {
                t.insertBefore(new Text(s.substring(i)));
                break;
            }
            if (open > i) {
                t.insertBefore(new Text(s.substring(i, open)));
            }
            t.insertBefore(new MathNode(maths.get(Integer.parseInt(s.substring(open + 1, close)))));
            i = close + 1;
        }
        t.unlink();
    }

    static final class MathNode extends CustomNode {
        final Math math;

        MathNode(Math math) {
            this.math = math;
        }
    }

    /** Writes math as its TeX in a span (escaped by the writer); KaTeX replaces the span's text in the browser. */
    private record MathRenderer(HtmlWriter html) implements NodeRenderer {
        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(MathNode.class);
        }

        @Override
        public void render(Node node) {
            Math m = ((MathNode) node).math;
            html.tag("span", java.util.Map.of("class", m.display() ? "math math-display" : "math"));
            html.text(m.tex());
            html.tag("/span");
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
