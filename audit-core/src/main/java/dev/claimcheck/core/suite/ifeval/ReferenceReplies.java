package dev.claimcheck.core.suite.ifeval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.grade.ifeval.Evaluation;
import dev.claimcheck.core.grade.ifeval.IfevalSpec;
import dev.claimcheck.core.grade.ifeval.Instruction;
import dev.claimcheck.core.grade.ifeval.LanguageDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simulator's two replies to an IFEval prompt, written from the prompt's instructions: one built to follow all
 * of them, one that breaks at least one. The complying reply is assembled from the kwargs (paragraphs, sections,
 * bullets, highlights, placeholders, keywords, postscript, end phrase, case, quotes, …) over a range of lengths, and
 * the first length whose text our own strict check accepts is used; a combination it cannot satisfy keeps its last
 * attempt, and then the grader, not the simulator, says it fails. The violating reply is the first of a few generic
 * texts that the strict check rejects (at worst the empty reply, which follows nothing).
 */
final class ReferenceReplies {
    private static final String[] EN = ("the river runs past the old mill and the town keeps its quiet market near the "
            + "square where people meet every week to trade bread and fruit and tell stories about the weather").split(" ");
    /** Letters of scripts that name their language, for pseudo-words the detector reads as that language. */
    private static final Map<String, String> SCRIPT_LETTERS = Map.ofEntries(
            Map.entry("th", "กขคงจฉชซญดตถทนบปผพฟมยรลวสหอ"), Map.entry("ko", "가나다라마바사아자차카타파하"),
            Map.entry("he", "אבגדהוזחטיכלמנסעפצקרשת"), Map.entry("bn", "কখগঘচছজঝটঠডঢতথদধনপফবভমযরলশসহ"),
            Map.entry("ta", "கஙசஞடணதநபமயரலவழளறன"), Map.entry("te", "కఖగఘచఛజఝటఠడఢణతథదధనపఫబభమయరలవ"),
            Map.entry("kn", "ಕಖಗಘಚಛಜಝಟಠಡಢಣತಥದಧನಪಫಬಭಮಯರಲವ"), Map.entry("ml", "കഖഗഘചഛജഝടഠഡഢണതഥദധനപഫബഭമയരലവ"),
            Map.entry("gu", "કખગઘચછજઝટઠડઢણતથદધનપફબભમયરલવ"), Map.entry("pa", "ਕਖਗਘਚਛਜਝਟਠਡਢਣਤਥਦਧਨਪਫਬਭਮਯਰਲਵ"),
            Map.entry("ja", "あいうえおかきくけこさしすせそたちつてとなにぬねの"), Map.entry("ar", "ابتثجحخدذرزسشصضطظعغفقلمنهويكة"),
            Map.entry("fa", "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"), Map.entry("ur", "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھیے"));
    private static final int[] SENTENCES = {1, 2, 3, 4, 6, 9, 14, 20, 30, 45};
    private static final int[] WORDS = {5, 9, 14, 22, 40};

    private ReferenceReplies() {
    }

    static String complying(IfevalSpec spec) {
        String last = "";
        for (int s : SENTENCES) {
            for (int w : WORDS) {
                last = new Builder(spec, s, w).render();
                if (followsAll(spec, last)) {
                    return last;
                }
            }
        }
        return last;
    }

    static String violating(IfevalSpec spec) {
        String generic = "Sure, here is a Reply that Ignores what I was asked to do, written my own way.";
        List<String> candidates = List.of(generic, String.join(" ", java.util.Collections.nCopies(120, generic)),
                generic.toUpperCase(Locale.ROOT), "");
        for (String c : candidates) {
            if (!followsAll(spec, c)) {
                return c;
            }
        }
        return "";
    }

    static boolean followsAll(IfevalSpec spec, String reply) {
        return Evaluation.of(spec, reply).stream().allMatch(Evaluation.Outcome::strict);
    }

    /** One attempt at a complying reply, with {@code sentences} sentences of {@code words} words per paragraph. */
    private static final class Builder {
        private final IfevalSpec spec;
        private final int sentences;
        private final int words;
        private final List<String> vocabulary;
        private int next;

        Builder(IfevalSpec spec, int sentences, int words) {
            this.spec = spec;
            this.sentences = sentences;
            this.words = words;
            this.vocabulary = vocabulary();
        }

        String render() {
            String reply = body(0);
            if (has(Instruction.COMBINATION_TWO_RESPONSES)) {
                reply = reply + "\n******\n" + body(1);
            }
            ObjectNode repeat = kwargs(Instruction.COMBINATION_REPEAT_PROMPT);
            if (repeat != null) {
                reply = repeat.path("prompt_to_repeat").asText().strip() + "\n" + reply;
            }
            ObjectNode end = kwargs(Instruction.STARTEND_END_CHECKER);
            if (end != null) {
                reply = reply + " " + end.path("end_phrase").asText().strip();
            }
            if (has(Instruction.CASE_ENGLISH_CAPITAL)) {
                reply = reply.toUpperCase(Locale.ROOT);
            }
            if (has(Instruction.CASE_ENGLISH_LOWERCASE)) {
                reply = reply.toLowerCase(Locale.ROOT);
            }
            if (has(Instruction.FORMAT_JSON)) {
                reply = "{\"response\": \"" + reply.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
            }
            if (has(Instruction.STARTEND_QUOTATION)) {
                reply = "\"" + reply + "\"";
            }
            return reply;
        }

        /** The reply proper; {@code variant} 1 is the second of two responses, worded differently. */
        private String body(int variant) {
            next = variant * 7;
            int paragraphs = 1;
            ObjectNode stars = kwargs(Instruction.LENGTH_NUMBER_PARAGRAPHS);
            ObjectNode nth = kwargs(Instruction.LENGTH_NTH_PARAGRAPH_FIRST_WORD);
            ObjectNode sections = kwargs(Instruction.FORMAT_MULTIPLE_SECTIONS);
            paragraphs = Math.max(paragraphs, stars == null ? 0 : stars.path("num_paragraphs").asInt());
            paragraphs = Math.max(paragraphs, nth == null ? 0 : nth.path("num_paragraphs").asInt());
            paragraphs = Math.max(paragraphs, sections == null ? 0 : sections.path("num_sections").asInt());
            List<String> out = new ArrayList<>();
            for (int p = 1; p <= paragraphs; p++) {
                StringBuilder b = new StringBuilder();
                if (sections != null) {
                    b.append(sections.path("section_spliter").asText()).append(' ').append(p).append('\n');
                }
                if (nth != null && nth.path("nth_paragraph").asInt() == p) {
                    b.append(nth.path("first_word").asText()).append(' ');
                }
                if (p == 1 && variant == 0) {
                    b.append(extras()); // once per reply: counted things (bullets, keywords) are counted over both responses
                }
                for (int s = 0; s < sentences; s++) {
                    b.append(sentence()).append(s + 1 < sentences ? " " : "");
                }
                if (p == paragraphs) {
                    b.append(closing());
                }
                out.add(b.toString().strip());
            }
            String separator = stars != null ? "\n***\n" : "\n\n";
            String text = String.join(separator, out);
            return has(Instruction.FORMAT_TITLE) ? "<<" + word() + " " + word() + ">>\n" + text : text;
        }

        /** What the first paragraph carries: keywords, counts of things and a constrained answer. */
        private String extras() {
            StringBuilder b = new StringBuilder();
            ObjectNode k = kwargs(Instruction.KEYWORDS_EXISTENCE);
            if (k != null) {
                k.path("keywords").forEach(w -> b.append(w.asText()).append(' '));
            }
            ObjectNode f = kwargs(Instruction.KEYWORDS_FREQUENCY);
            if (f != null) {
                int n = f.path("frequency").asInt();
                int times = f.path("relation").asText().equals("at least") ? n : Math.max(0, Math.min(1, n - 1));
                for (int i = 0; i < times; i++) {
                    b.append(f.path("keyword").asText()).append(' ');
                }
            }
            ObjectNode letter = kwargs(Instruction.KEYWORDS_LETTER_FREQUENCY);
            if (letter != null && letter.path("let_relation").asText().equals("at least")) {
                b.append(letter.path("letter").asText().toLowerCase(Locale.ROOT).repeat(Math.max(1, letter.path("let_frequency").asInt()))).append(' ');
            }
            ObjectNode capital = kwargs(Instruction.CASE_CAPITAL_WORD_FREQUENCY);
            if (capital != null && capital.path("capital_relation").asText().equals("at least")) {
                for (int i = 0; i < capital.path("capital_frequency").asInt(); i++) {
                    b.append("NOTE ");
                }
            }
            ObjectNode placeholders = kwargs(Instruction.CONTENT_NUMBER_PLACEHOLDERS);
            for (int i = 0; placeholders != null && i < placeholders.path("num_placeholders").asInt(); i++) {
                b.append("[place ").append(i + 1).append("] ");
            }
            if (b.length() > 0) {
                b.setLength(b.length() - 1);
                b.append(". ");
            }
            ObjectNode highlights = kwargs(Instruction.FORMAT_NUMBER_HIGHLIGHTED_SECTIONS);
            for (int i = 0; highlights != null && i < highlights.path("num_highlights").asInt(); i++) {
                // After a word, so the line does not start with "*" (that would count as a bullet).
                b.append(word()).append(" *").append(word()).append(' ').append(word()).append("*. ");
            }
            if (has(Instruction.FORMAT_CONSTRAINED_RESPONSE)) {
                b.append("My answer is yes. ");
            }
            ObjectNode bullets = kwargs(Instruction.FORMAT_NUMBER_BULLET_LISTS);
            if (bullets != null) {
                for (int i = 0; i < bullets.path("num_bullets").asInt(); i++) {
                    b.append("\n* ").append(word()).append(' ').append(word());
                }
                b.append('\n');
            }
            return b.toString();
        }

        private String closing() {
            ObjectNode ps = kwargs(Instruction.CONTENT_POSTSCRIPT);
            return ps == null ? "" : "\n" + ps.path("postscript_marker").asText() + " " + word() + " " + word() + ".";
        }

        private String sentence() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < words; i++) {
                b.append(i == 0 ? "" : " ").append(word());
            }
            return b.append('.').toString();
        }

        private String word() {
            String w = vocabulary.get(next % vocabulary.size());
            next++;
            return w;
        }

        /** Words in the asked language, without forbidden words or (for "less than") the counted letter. */
        private List<String> vocabulary() {
            ObjectNode lang = kwargs(Instruction.LANGUAGE_RESPONSE_LANGUAGE);
            String code = lang == null ? "en" : lang.path("language").asText();
            List<String> base = new ArrayList<>();
            if (code.equals("en")) {
                base.addAll(List.of(EN));
            } else if (SCRIPT_LETTERS.containsKey(code)) {
                String letters = SCRIPT_LETTERS.get(code);
                for (int i = 0; i + 3 <= letters.length(); i += 3) {
                    base.add(letters.substring(i, i + 3));
                }
            } else {
                base.addAll(LanguageDetector.profile(code).stream().sorted().toList());
            }
            List<String> forbidden = new ArrayList<>();
            ObjectNode f = kwargs(Instruction.KEYWORDS_FORBIDDEN_WORDS);
            if (f != null) {
                f.path("forbidden_words").forEach(w -> forbidden.add(w.asText().toLowerCase(Locale.ROOT)));
            }
            ObjectNode letter = kwargs(Instruction.KEYWORDS_LETTER_FREQUENCY);
            String avoid = letter != null && letter.path("let_relation").asText().equals("less than")
                    ? letter.path("letter").asText().toLowerCase(Locale.ROOT) : null;
            List<String> out = base.stream().filter(w -> !forbidden.contains(w))
                    .filter(w -> avoid == null || !w.contains(avoid)).toList();
            return out.isEmpty() ? List.of("ok") : out;
        }

        private boolean has(Instruction i) {
            return spec.ids().contains(i);
        }

        private ObjectNode kwargs(Instruction i) {
            int at = spec.ids().indexOf(i);
            return at < 0 ? null : spec.kwargs().get(at);
        }
    }
}
