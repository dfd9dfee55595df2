package dev.claimcheck.site.render;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import dev.claimcheck.site.page.Fmt;
import dev.claimcheck.site.page.Lang;
import dev.claimcheck.site.page.Messages;
import dev.claimcheck.site.page.Nav;
import dev.claimcheck.core.stats.Sentence;
import freemarker.ext.util.WrapperTemplateModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;

/**
 * Freemarker set up once: {@code .ftlh} templates from the classpath ({@code /templates}) in the HTML
 * output format (auto-escaping), undefined values fail (RETHROW), records read as {@code ${row.name}}.
 */
public final class Templates {
    private static final Templates INSTANCE = new Templates();

    private final Configuration cfg;
    private static final Map<Lang, String> SCRIPT_TEXT = scriptTexts();

    private static Map<Lang, String> scriptTexts() {
        Map<Lang, String> out = new java.util.EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            out.put(l, SafeJson.write(Messages.of(l).script()));
        }
        return out;
    }

    private Templates() {
        cfg = new Configuration(Configuration.VERSION_2_3_35);
        cfg.setClassForTemplateLoading(Templates.class, "/templates");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setRecognizeStandardFileExtensions(true);
        // Numbers and dates are formatted in Java; this only guards against locale-dependent output.
        cfg.setLocale(java.util.Locale.ROOT);
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
    }

    public static Templates get() {
        return INSTANCE;
    }

    /**
     * Renders {@code name} (e.g. "index.ftlh") with {@code page} as the data model; the page's language is its
     * {@code nav().lang()} (every page record carries a {@link Nav}), and the template reads its texts through
     * {@code t("key", args…)} from that language's bundle ({@link Messages}); {@code scriptText} is the bundle's
     * {@code js.*} part as JSON for the page script.
     */
    public String render(String name, Object page) {
        try {
            Template t = cfg.getTemplate(name);
            StringWriter out = new StringWriter(16 * 1024);
            Lang lang = Lang.ofTag(navOf(page).lang());
            Messages m = Messages.of(lang);
            t.process(Map.of("page", page, "t", new Text(m), "scriptText", SCRIPT_TEXT.get(lang)), out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("cannot render " + name + ": " + e.getMessage(), e);
        }
    }

    private static Nav navOf(Object page) {
        try {
            return (Nav) page.getClass().getMethod("nav").invoke(page);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(page.getClass().getName() + " has no nav(): every page record carries its Nav", e);
        }
    }

    /**
     * {@code t("key", args…)}: a bundle text; numbers among the args are formatted for the page's locale, and an
     * audit-core sentence among them is worded in the page's language ({@link Messages#text(Sentence)}).
     */
    private record Text(Messages messages) implements TemplateMethodModelEx {
        @Override
        public Object exec(List args) throws TemplateModelException {
            if (args.isEmpty()) {
                throw new TemplateModelException("t() needs a message key");
            }
            Object[] rest = new Object[args.size() - 1];
            Fmt fmt = Fmt.of(messages.lang());
            for (int i = 1; i < args.size(); i++) {
                Object a = args.get(i);
                rest[i - 1] = a instanceof TemplateNumberModel n ? fmt.number(n.getAsNumber())
                        : a instanceof WrapperTemplateModel w && w.getWrappedObject() instanceof Sentence sentence ? messages.text(sentence)
                        : a instanceof TemplateScalarModel s ? s.getAsString() : String.valueOf(a);
            }
            String key = ((TemplateScalarModel) args.get(0)).getAsString();
            return messages.get(key, rest);
        }
    }
}
