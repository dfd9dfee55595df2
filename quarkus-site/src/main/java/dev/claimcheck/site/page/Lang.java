package dev.claimcheck.site.page;

import java.util.Locale;

/**
 * The site's languages. English lives at the site root, every other language under its own folder
 * ({@code zh/…}); each has one message bundle ({@code messages/site_CODE.properties}, {@link Messages}).
 *
 * @param tag the {@code <html lang>} value (BCP 47)
 * @param prefix the folder of its pages below the site root ("" for English)
 */
public enum Lang {
    EN("en", "", Locale.ENGLISH),
    ZH("zh-Hans", "zh/", Locale.SIMPLIFIED_CHINESE);

    private final String tag;
    private final String prefix;
    private final Locale locale;

    Lang(String tag, String prefix, Locale locale) {
        this.tag = tag;
        this.prefix = prefix;
        this.locale = locale;
    }

    public String tag() {
        return tag;
    }

    public String prefix() {
        return prefix;
    }

    public Locale locale() {
        return locale;
    }

    /** The language whose {@link #tag} is {@code tag}. */
    public static Lang ofTag(String tag) {
        for (Lang l : values()) {
            if (l.tag.equals(tag)) {
                return l;
            }
        }
        throw new IllegalArgumentException("no site language " + tag);
    }

    /** The bundle's file name part: {@code en}, {@code zh}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How many folders its pages sit below the site root's. */
    public int depth() {
        return prefix.isEmpty() ? 0 : 1;
    }

    /** The language the switch on a page offers (two languages: the other one). */
    public Lang other() {
        return this == EN ? ZH : EN;
    }
}
