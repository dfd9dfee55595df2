package dev.claimcheck.core.grade.ifeval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 25 verifiable instructions of IFEval, keyed by their upstream id. {@link #bind} validates the kwargs the
 * instruction needs and returns its check; each rule is written out in docs/grading/ifeval.md with every place it
 * differs from upstream's instructions.py.
 */
public enum Instruction {
    KEYWORDS_EXISTENCE("keywords:existence", "keywords") {
        @Override
        Check check(Kwargs k) {
            List<Pattern> words = k.texts("keywords").stream().map(Instruction::literal).toList();
            return r -> words.stream().allMatch(p -> p.matcher(r).find());
        }
    },
    KEYWORDS_FREQUENCY("keywords:frequency", "keyword", "frequency", "relation") {
        @Override
        Check check(Kwargs k) {
            Pattern word = literal(k.text("keyword").strip());
            int n = k.integer("frequency", 0);
            Relation rel = k.relation("relation");
            return r -> rel.holds(count(word, r), n);
        }
    },
    KEYWORDS_FORBIDDEN_WORDS("keywords:forbidden_words", "forbidden_words") {
        @Override
        Check check(Kwargs k) {
            List<Pattern> words = k.texts("forbidden_words").stream().map(w -> Pattern.compile("\\b" + Pattern.quote(w) + "\\b",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS)).toList();
            return r -> words.stream().noneMatch(p -> p.matcher(r).find());
        }
    },
    KEYWORDS_LETTER_FREQUENCY("keywords:letter_frequency", "letter", "let_frequency", "let_relation") {
        @Override
        Check check(Kwargs k) {
            String letter = k.text("letter").strip().toLowerCase(Locale.ROOT);
            if (letter.length() != 1 || letter.charAt(0) < 'a' || letter.charAt(0) > 'z') {
                throw k.fail("letter", "must be one letter a-z, got \"" + letter + "\"");
            }
            int n = k.integer("let_frequency", 0);
            Relation rel = k.relation("let_relation");
            char c = letter.charAt(0);
            return r -> rel.holds(r.toLowerCase(Locale.ROOT).chars().filter(x -> x == c).count(), n);
        }
    },
    LANGUAGE_RESPONSE_LANGUAGE("language:response_language", "language") {
        @Override
        Check check(Kwargs k) {
            String code = k.text("language");
            if (!LanguageDetector.SUPPORTED.contains(code)) {
                throw k.fail("language", "\"" + code + "\" is not a language our detector supports (supported: "
                        + String.join(",", LanguageDetector.SUPPORTED.stream().sorted().toList()) + ")");
            }
            return r -> isLanguage(r, code);
        }
    },
    LENGTH_NUMBER_SENTENCES("length_constraints:number_sentences", "num_sentences", "relation") {
        @Override
        Check check(Kwargs k) {
            int n = k.integer("num_sentences", 0);
            Relation rel = k.relation("relation");
            return r -> rel.holds(TextUnits.sentences(r).size(), n);
        }
    },
    LENGTH_NUMBER_PARAGRAPHS("length_constraints:number_paragraphs", "num_paragraphs") {
        @Override
        Check check(Kwargs k) {
            int n = k.integer("num_paragraphs", 1);
            return r -> {
                String[] parts = DIVIDER.split(r, -1);
                int count = parts.length;
                for (int i = 0; i < parts.length; i++) {
                    if (parts[i].isBlank()) {
                        if (i != 0 && i != parts.length - 1) {
                            return false; // an empty paragraph between two dividers
                        }
                        count--;
                    }
                }
                return count == n;
            };
        }
    },
    LENGTH_NUMBER_WORDS("length_constraints:number_words", "num_words", "relation") {
        @Override
        Check check(Kwargs k) {
            int n = k.integer("num_words", 0);
            Relation rel = k.relation("relation");
            return r -> rel.holds(TextUnits.words(r).size(), n);
        }
    },
    LENGTH_NTH_PARAGRAPH_FIRST_WORD("length_constraints:nth_paragraph_first_word", "num_paragraphs", "nth_paragraph", "first_word") {
        @Override
        Check check(Kwargs k) {
            int n = k.integer("num_paragraphs", 1);
            int nth = k.integer("nth_paragraph", 1);
            if (nth > n) {
                throw k.fail("nth_paragraph", "must be at most num_paragraphs (" + n + "), got " + nth);
            }
            String first = k.text("first_word").toLowerCase(Locale.ROOT);
            return r -> {
                String[] parts = r.split("\n\n", -1);
                long count = java.util.Arrays.stream(parts).filter(p -> !p.isBlank()).count();
                if (nth > parts.length || parts[nth - 1].isBlank()) {
                    return false;
                }
                return count == n && firstWord(parts[nth - 1]).equals(first);
            };
        }
    },
    CONTENT_NUMBER_PLACEHOLDERS("detectable_content:number_placeholders", "num_placeholders") {
        @Override
        Check check(Kwargs k) {
            int n = k.integer("num_placeholders", 0);
            return r -> count(PLACEHOLDER, r) >= n;
        }
    },
    CONTENT_POSTSCRIPT("detectable_content:postscript", "postscript_marker") {
        @Override
        Check check(Kwargs k) {
            String marker = k.text("postscript_marker").strip();
            Pattern p = switch (marker) {
                case "P.P.S" -> Pattern.compile("\\s*p\\.\\s?p\\.\\s?s.*$", Pattern.MULTILINE);
                case "P.S." -> Pattern.compile("\\s*p\\.\\s?s\\..*$", Pattern.MULTILINE);
                default -> Pattern.compile("\\s*" + Pattern.quote(marker.toLowerCase(Locale.ROOT)) + ".*$", Pattern.MULTILINE);
            };
            return r -> p.matcher(r.toLowerCase(Locale.ROOT)).find();
        }
    },
    FORMAT_NUMBER_BULLET_LISTS("detectable_format:number_bullet_lists", "num_bullets") {
        @Override
        Check check(Kwargs k) {
            int n = k.integer("num_bullets", 0);
            return r -> count(STAR_BULLET, r) + count(DASH_BULLET, r) == n;
        }
    },
    FORMAT_CONSTRAINED_RESPONSE("detectable_format:constrained_response") {
        @Override
        Check check(Kwargs k) {
            return r -> CONSTRAINED.stream().anyMatch(r.strip()::contains);
        }
    },
    FORMAT_NUMBER_HIGHLIGHTED_SECTIONS("detectable_format:number_highlighted_sections", "num_highlights") {
        @Override
        Check check(Kwargs k) {
            int n = k.integer("num_highlights", 0);
            return r -> highlights(r) >= n;
        }
    },
    FORMAT_MULTIPLE_SECTIONS("detectable_format:multiple_sections", "section_spliter", "num_sections") {
        @Override
        Check check(Kwargs k) {
            Pattern header = Pattern.compile("\\s?" + Pattern.quote(k.text("section_spliter").strip()) + "\\s?\\d+\\s?");
            int n = k.integer("num_sections", 1);
            return r -> count(header, r) >= n;
        }
    },
    FORMAT_JSON("detectable_format:json_format") {
        @Override
        Check check(Kwargs k) {
            return StrictJson::isJson;
        }
    },
    FORMAT_TITLE("detectable_format:title") {
        @Override
        Check check(Kwargs k) {
            return r -> {
                Matcher m = TITLE.matcher(r);
                while (m.find()) {
                    if (!m.group(1).replaceAll("^<+", "").replaceAll(">+$", "").isBlank()) {
                        return true;
                    }
                }
                return false;
            };
        }
    },
    COMBINATION_TWO_RESPONSES("combination:two_responses") {
        @Override
        Check check(Kwargs k) {
            return r -> {
                String[] parts = r.split(Pattern.quote("******"), -1);
                List<String> valid = new ArrayList<>();
                for (int i = 0; i < parts.length; i++) {
                    if (parts[i].isBlank()) {
                        if (i != 0 && i != parts.length - 1) {
                            return false;
                        }
                    } else {
                        valid.add(parts[i].strip());
                    }
                }
                return valid.size() == 2 && !valid.get(0).equals(valid.get(1));
            };
        }
    },
    COMBINATION_REPEAT_PROMPT("combination:repeat_prompt", "prompt_to_repeat") {
        @Override
        Check check(Kwargs k) {
            String prompt = k.text("prompt_to_repeat").strip().toLowerCase(Locale.ROOT);
            return r -> r.strip().toLowerCase(Locale.ROOT).startsWith(prompt);
        }
    },
    STARTEND_END_CHECKER("startend:end_checker", "end_phrase") {
        @Override
        Check check(Kwargs k) {
            String end = k.text("end_phrase").strip().toLowerCase(Locale.ROOT);
            return r -> r.strip().replaceAll("^\"+|\"+$", "").toLowerCase(Locale.ROOT).endsWith(end);
        }
    },
    CASE_CAPITAL_WORD_FREQUENCY("change_case:capital_word_frequency", "capital_frequency", "capital_relation") {
        @Override
        Check check(Kwargs k) {
            int n = k.integer("capital_frequency", 0);
            Relation rel = k.relation("capital_relation");
            return r -> rel.holds(TextUnits.words(r).stream().filter(TextUnits::isUpper).count(), n);
        }
    },
    CASE_ENGLISH_CAPITAL("change_case:english_capital") {
        @Override
        Check check(Kwargs k) {
            return r -> TextUnits.isUpper(r) && isLanguage(r, "en");
        }
    },
    CASE_ENGLISH_LOWERCASE("change_case:english_lowercase") {
        @Override
        Check check(Kwargs k) {
            return r -> TextUnits.isLower(r) && isLanguage(r, "en");
        }
    },
    PUNCTUATION_NO_COMMA("punctuation:no_comma") {
        @Override
        Check check(Kwargs k) {
            return r -> r.indexOf(',') < 0;
        }
    },
    STARTEND_QUOTATION("startend:quotation") {
        @Override
        Check check(Kwargs k) {
            return r -> {
                String s = r.strip();
                return s.length() > 1 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"';
            };
        }
    };

    private static final Pattern DIVIDER = Pattern.compile("\\s?\\*\\*\\*\\s?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[.*?\\]");
    private static final Pattern STAR_BULLET = Pattern.compile("^\\s*\\*[^*].*$", Pattern.MULTILINE);
    private static final Pattern DASH_BULLET = Pattern.compile("^\\s*-.*$", Pattern.MULTILINE);
    private static final Pattern SINGLE_HIGHLIGHT = Pattern.compile("\\*([^\\n*]*)\\*");
    private static final Pattern DOUBLE_HIGHLIGHT = Pattern.compile("\\*\\*([^\\n*]*)\\*\\*");
    private static final Pattern TITLE = Pattern.compile("(<<[^\\n]+>>)");
    static final List<String> CONSTRAINED = List.of("My answer is yes.", "My answer is no.", "My answer is maybe.");

    private final String id;
    private final Set<String> kwargs;

    Instruction(String id, String... kwargs) {
        this.id = id;
        this.kwargs = Set.of(kwargs);
    }

    /** The upstream id, e.g. {@code punctuation:no_comma}. */
    public String id() {
        return id;
    }

    /** The part of the id before the colon, e.g. {@code punctuation}. */
    public String category() {
        return id.substring(0, id.indexOf(':'));
    }

    abstract Check check(Kwargs k);

    /**
     * This instruction's check with these kwargs (a JSON object or null; null values count as absent).
     *
     * @throws BadInputException naming the instruction and the kwarg that is missing, ill-typed or not its own
     */
    public Check bind(JsonNode kwargs) {
        Kwargs k = new Kwargs(id, kwargs);
        k.onlyThese(kwargs());
        return check(k);
    }

    public Set<String> kwargs() {
        return kwargs;
    }

    /** @throws BadInputException for an id that is not one of the 25 */
    public static Instruction of(String id) {
        for (Instruction i : values()) {
            if (i.id.equals(id)) {
                return i;
            }
        }
        throw new BadInputException("unknown instruction id \"" + id + "\"");
    }

    private static Pattern literal(String word) {
        return Pattern.compile(Pattern.quote(word), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static long count(Pattern p, String text) {
        return p.matcher(text).results().count();
    }

    private static boolean isLanguage(String text, String code) {
        LanguageDetector.Result d = LanguageDetector.detect(text);
        return d instanceof LanguageDetector.Result.NoLetters
                || d instanceof LanguageDetector.Result.Language l && l.code().equals(code);
    }

    private static int highlights(String r) {
        int n = 0;
        for (Pattern p : List.of(SINGLE_HIGHLIGHT, DOUBLE_HIGHLIGHT)) {
            Matcher m = p.matcher(r);
            while (m.find()) {
                n += m.group(1).isBlank() ? 0 : 1;
            }
        }
        return n;
    }

    /** The first word of a paragraph as upstream reads it: leading quotes dropped, cut at the first punctuation mark. */
    private static String firstWord(String paragraph) {
        String[] words = paragraph.strip().split("\\s+");
        String w = words[0].replaceAll("^'+", "").replaceAll("^\"+", "");
        StringBuilder out = new StringBuilder();
        for (char c : w.toCharArray()) {
            if (".,?!'\"".indexOf(c) >= 0) {
                break;
            }
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
