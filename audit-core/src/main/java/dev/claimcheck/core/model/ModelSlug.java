package dev.claimcheck.core.model;

import java.util.Locale;

/** Model ids to folder names (docs/architecture.md §1): lower-case, '/' becomes '--', others outside [a-z0-9._-] become '-'. */
public final class ModelSlug {
    private ModelSlug() {
    }

    public static String of(String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("model id must not be empty");
        }
        String lower = modelId.toLowerCase(Locale.ROOT).replace("/", "--");
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            out.append(ok ? c : '-');
        }
        String slug = out.toString();
        if (slug.equals(".") || slug.equals("..")) {
            throw new IllegalArgumentException("model id '" + modelId + "' does not make a folder name");
        }
        return slug;
    }
}
