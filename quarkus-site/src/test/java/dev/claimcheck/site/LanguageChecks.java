package dev.claimcheck.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.site.page.Lang;
import dev.claimcheck.site.page.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What every page must show in its language: the right lang, a switch to the other, no missing key, no English chrome. */
public final class LanguageChecks {
    /** English texts shorter than this are not looked for on Chinese pages (words like "run" occur in data). */
    static final int MIN_CHROME = 12;
    private static final String DATA = data();
    private static final Pattern SWITCH = Pattern.compile("<a class=\"lang-switch\" href=\"([^\"]+)\" hreflang=\"([^\"]+)\"");

    private LanguageChecks() {
    }

    /** The page's language switch link (the same page in the other language), after checking the page's language. */
    public static String checkPage(String label, String html, Lang lang) {
        assertThat(html).as(label + ": lang").contains("<html lang=\"" + lang.tag() + "\">");
        assertThat(html).as(label + ": no untranslated key").doesNotContain(Messages.MISSING);
        Matcher m = SWITCH.matcher(html);
        assertThat(m.find()).as(label + ": a language switch").isTrue();
        assertThat(m.group(2)).as(label + ": the switch offers the other language").isEqualTo(lang.other().tag());
        if (lang == Lang.ZH) {
            assertThat(englishChrome(html)).as(label + ": English UI text on a Chinese page").isEmpty();
        }
        return m.group(1).replace("&amp;", "&");
    }

    /**
     * The English UI texts ({@link #englishChrome()}) that {@code html} shows, except those that the sample root's own
     * files contain too: work content (a claim's note, a task's text) is data and stays as written.
     */
    public static List<String> englishChrome(String html) {
        assertThat(CHROME).as("UI texts left to look for after the data's").hasSizeGreaterThan(100);
        return CHROME.stream().filter(html::contains).toList();
    }

    private static final List<String> CHROME = englishChrome().stream().filter(s -> !DATA.contains(s)).toList();

    /**
     * The English bundle's texts that Chinese pages must not show: the literal parts (between placeholders) of every
     * value whose Chinese differs, at least {@link #MIN_CHROME} characters long, as the pages escape them.
     */
    public static List<String> englishChrome() {
        List<String> out = new ArrayList<>();
        Messages zh = Messages.of(Lang.ZH);
        Messages.of(Lang.EN).all().forEach((k, v) -> {
            if (!v.equals(zh.all().get(k))) {
                for (String part : v.split("\\{\\d+}")) {
                    String s = part.strip();
                    if (s.length() >= MIN_CHROME) {
                        out.add(escape(s));
                    }
                }
            }
        });
        assertThat(out).as("the check has something to look for").hasSizeGreaterThan(50);
        return out;
    }

    private static String data() {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> s = Files.walk(SampleRoot.DIR)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                b.append(escape(Files.readString(p))).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
