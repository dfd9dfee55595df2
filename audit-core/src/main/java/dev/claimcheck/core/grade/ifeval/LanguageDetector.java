package dev.claimcheck.core.grade.ifeval;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Our language identifier for {@code language:response_language} and the two English case instructions (upstream
 * uses the langdetect library; docs/grading/ifeval.md). Method: the script with the most letters decides; a script
 * used by one supported language names it (Thai, Hangul, Hebrew, Bengali, Tamil, Telugu, Kannada, Malayalam,
 * Gujarati, Gurmukhi; kana means Japanese); within Arabic script letters that only Urdu or Persian use decide
 * against Arabic; within Latin, Cyrillic and Devanagari script the language whose stop-word profile the text hits
 * most often wins, and a tie or no hit at all is undetermined. Limits: short texts (a few words) are often
 * undetermined; mixed-language text is judged by its dominant script and most frequent stop words; a Latin-script
 * language outside the profiles is never recognised.
 */
public final class LanguageDetector {
    /** Stop-word profiles: frequent function words, distinctive enough to tell the languages of one script apart. */
    private static final Map<String, Set<String>> PROFILES = new TreeMap<>(Map.ofEntries(
            Map.entry("en", Set.of("the", "and", "of", "to", "is", "in", "that", "it", "was", "for", "with", "this", "are",
                    "be", "on", "not", "have", "you", "they", "we", "which", "from", "by", "at", "or", "an", "will", "has")),
            Map.entry("es", Set.of("el", "los", "las", "del", "y", "que", "en", "es", "por", "para", "con", "una", "un",
                    "su", "lo", "como", "más", "pero", "sus", "le", "ya", "muy", "también", "está", "son")),
            Map.entry("pt", Set.of("o", "os", "as", "do", "da", "dos", "das", "e", "que", "em", "um", "uma", "não",
                    "com", "para", "é", "mais", "mas", "foi", "ao", "pelo", "pela", "também", "são", "está")),
            Map.entry("fr", Set.of("le", "les", "des", "et", "est", "une", "dans", "que", "qui", "pour", "pas", "sur",
                    "au", "aux", "avec", "ce", "il", "elle", "nous", "vous", "sont", "mais", "du", "ne", "très")),
            Map.entry("de", Set.of("der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "sich",
                    "des", "auf", "für", "im", "dem", "auch", "es", "sie", "wir", "ich", "oder", "wird", "sind")),
            Map.entry("it", Set.of("il", "di", "che", "è", "e", "la", "per", "non", "una", "sono", "gli", "della", "del",
                    "nel", "con", "si", "anche", "come", "più", "ma", "questo", "alla", "delle", "essere")),
            Map.entry("pl", Set.of("i", "w", "nie", "na", "się", "jest", "że", "do", "to", "z", "jak", "ale", "co", "tak",
                    "od", "po", "przez", "dla", "są", "już", "czy", "jego", "oraz", "być")),
            Map.entry("vi", Set.of("và", "của", "là", "có", "không", "được", "những", "các", "một", "cho", "trong",
                    "người", "này", "với", "đã", "để", "cũng", "khi", "như", "từ", "rất", "đến")),
            Map.entry("sw", Set.of("na", "ya", "wa", "kwa", "za", "ni", "katika", "la", "kuwa", "hii", "huo", "wake",
                    "pia", "lakini", "kama", "sana", "hiyo", "yake", "watu", "kwamba", "au", "zaidi")),
            Map.entry("fi", Set.of("ja", "on", "ei", "että", "se", "oli", "hän", "ovat", "mutta", "kun", "tai", "niin",
                    "myös", "joka", "ole", "kanssa", "tämä", "sen", "jos", "vain", "mitä")),
            Map.entry("ru", Set.of("и", "в", "не", "на", "что", "с", "как", "это", "по", "но", "он", "она", "к", "из",
                    "у", "за", "от", "так", "мы", "вы", "был", "было", "только", "его", "для")),
            Map.entry("uk", Set.of("і", "в", "не", "на", "що", "з", "як", "це", "та", "до", "але", "він", "вона", "із",
                    "у", "за", "від", "так", "ми", "ви", "був", "було", "тільки", "його", "для")),
            Map.entry("bg", Set.of("и", "в", "не", "на", "че", "с", "как", "това", "по", "но", "той", "тя", "се", "от",
                    "за", "да", "е", "са", "ние", "вие", "беше", "само", "със", "към", "във")),
            Map.entry("hi", Set.of("है", "हैं", "का", "की", "के", "में", "और", "से", "को", "यह", "नहीं", "था", "थी",
                    "पर", "भी", "एक", "लिए", "कि", "जो", "हम")),
            Map.entry("mr", Set.of("आहे", "आणि", "या", "च्या", "ते", "हे", "आहेत", "नाही", "मी", "ला", "होते", "तो",
                    "की", "पण", "एक", "त्या", "करून", "आम्ही")),
            Map.entry("ne", Set.of("छ", "छन्", "हो", "र", "मा", "यो", "गर्न", "पनि", "हुन्छ", "थियो", "भएको", "लागि",
                    "तर", "एक", "हामी", "गरेको", "छैन"))));
    private static final Map<UnicodeScript, List<String>> BY_SCRIPT = new EnumMap<>(Map.of(
            UnicodeScript.LATIN, List.of("de", "en", "es", "fi", "fr", "it", "pl", "pt", "sw", "vi"),
            UnicodeScript.CYRILLIC, List.of("bg", "ru", "uk"),
            UnicodeScript.DEVANAGARI, List.of("hi", "mr", "ne")));
    private static final Map<UnicodeScript, String> UNIQUE = new EnumMap<>(Map.ofEntries(
            Map.entry(UnicodeScript.THAI, "th"), Map.entry(UnicodeScript.HANGUL, "ko"), Map.entry(UnicodeScript.HEBREW, "he"),
            Map.entry(UnicodeScript.BENGALI, "bn"), Map.entry(UnicodeScript.TAMIL, "ta"), Map.entry(UnicodeScript.TELUGU, "te"),
            Map.entry(UnicodeScript.KANNADA, "kn"), Map.entry(UnicodeScript.MALAYALAM, "ml"),
            Map.entry(UnicodeScript.GUJARATI, "gu"), Map.entry(UnicodeScript.GURMUKHI, "pa"),
            Map.entry(UnicodeScript.HIRAGANA, "ja"), Map.entry(UnicodeScript.KATAKANA, "ja"),
            // Detected so that they are not mistaken for a supported language; not accepted as targets.
            Map.entry(UnicodeScript.HAN, "zh"), Map.entry(UnicodeScript.GREEK, "el")));
    /** The ISO 639-1 codes a dataset may ask for (upstream IFEval's list of response languages). */
    public static final Set<String> SUPPORTED = supported();
    private static final String URDU_ONLY = "ےٹڈڑںھ";
    private static final String PERSIAN = "پچژگیک";
    private static final String ARABIC_ONLY = "يكة";

    private LanguageDetector() {
    }

    /** What a text was judged to be. */
    public sealed interface Result {
        /** No letters at all: nothing to judge (upstream's langdetect raises, and the instruction counts as followed). */
        record NoLetters() implements Result {
        }

        record Undetermined() implements Result {
        }

        record Language(String code) implements Result {
        }
    }

    public static Result detect(String text) {
        Map<UnicodeScript, Integer> letters = new EnumMap<>(UnicodeScript.class);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters.merge(UnicodeScript.of(cp), 1, Integer::sum);
            }
            i += Character.charCount(cp);
        }
        if (letters.isEmpty()) {
            return new Result.NoLetters();
        }
        int kana = letters.getOrDefault(UnicodeScript.HIRAGANA, 0) + letters.getOrDefault(UnicodeScript.KATAKANA, 0);
        if (kana > 0) {
            letters.merge(UnicodeScript.HIRAGANA, letters.getOrDefault(UnicodeScript.HAN, 0), Integer::sum);
            letters.remove(UnicodeScript.HAN);
        }
        UnicodeScript dominant = letters.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        if (UNIQUE.containsKey(dominant)) {
            return new Result.Language(UNIQUE.get(dominant));
        }
        if (dominant == UnicodeScript.ARABIC) {
            return new Result.Language(arabicScript(text));
        }
        List<String> candidates = BY_SCRIPT.get(dominant);
        return candidates == null ? new Result.Undetermined() : byStopWords(text, candidates);
    }

    /** The stop words of a supported profile, so a text in that language can be written from them (the simulator). */
    public static Set<String> profile(String code) {
        return PROFILES.getOrDefault(code, Set.of());
    }

    private static String arabicScript(String text) {
        int urdu = count(text, URDU_ONLY);
        int persian = count(text, PERSIAN);
        int arabic = count(text, ARABIC_ONLY);
        return urdu > 0 ? "ur" : persian > arabic ? "fa" : "ar";
    }

    private static Result byStopWords(String text, List<String> candidates) {
        Map<String, Integer> hits = new TreeMap<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{M}]+")) {
            for (String c : candidates) {
                if (PROFILES.get(c).contains(w)) {
                    hits.merge(c, 1, Integer::sum);
                }
            }
        }
        String best = null;
        int top = 0;
        boolean tie = false;
        for (var e : hits.entrySet()) {
            if (e.getValue() > top) {
                best = e.getKey();
                top = e.getValue();
                tie = false;
            } else if (e.getValue() == top) {
                tie = true;
            }
        }
        return best == null || tie ? new Result.Undetermined() : new Result.Language(best);
    }

    private static int count(String text, String chars) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += chars.indexOf(text.charAt(i)) >= 0 ? 1 : 0;
        }
        return n;
    }

    private static Set<String> supported() {
        Set<String> s = new TreeSet<>(PROFILES.keySet());
        s.addAll(List.of("th", "ko", "he", "bn", "ta", "te", "kn", "ml", "gu", "pa", "ja", "ar", "fa", "ur"));
        return Set.copyOf(s);
    }
}
