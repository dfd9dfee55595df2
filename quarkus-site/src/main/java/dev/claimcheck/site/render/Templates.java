package dev.claimcheck.site.render;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * Freemarker set up once: {@code .ftlh} templates from the classpath ({@code /templates}) in the HTML
 * output format (auto-escaping), undefined values fail (RETHROW), records read as {@code ${row.name}}.
 */
public final class Templates {
    private static final Templates INSTANCE = new Templates();

    private final Configuration cfg;

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

    /** Renders {@code name} (e.g. "index.ftlh") with {@code page} as the data model's only variable. */
    public String render(String name, Object page) {
        try {
            Template t = cfg.getTemplate(name);
            StringWriter out = new StringWriter(16 * 1024);
            t.process(Map.of("page", page), out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("cannot render " + name + ": " + e.getMessage(), e);
        }
    }
}
