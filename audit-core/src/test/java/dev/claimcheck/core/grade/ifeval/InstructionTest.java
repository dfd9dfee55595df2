package dev.claimcheck.core.grade.ifeval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** For every one of the 25 instructions, responses that follow it and responses that do not (the bar). */
class InstructionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Case(String id, String kwargs, String response, boolean follows, String why) {
        @Override
        public String toString() {
            return id + " " + (follows ? "follows" : "breaks") + ": " + why;
        }
    }

    static Case yes(String id, String kwargs, String response, String why) {
        return new Case(id, kwargs, response, true, why);
    }

    static Case no(String id, String kwargs, String response, String why) {
        return new Case(id, kwargs, response, false, why);
    }

    static List<Case> cases() {
        return List.of(
                yes("keywords:existence", "{\"keywords\":[\"garden\",\"Bench\"]}", "A GARDEN with a bench.", "both, any case"),
                no("keywords:existence", "{\"keywords\":[\"garden\",\"bench\"]}", "A garden with a seat.", "one missing"),
                yes("keywords:existence", "{\"keywords\":[\"c++\"]}", "I write C++ daily.", "a keyword is literal text, not a regex"),
                yes("keywords:frequency", "{\"keyword\":\"steam\",\"frequency\":3,\"relation\":\"at least\"}",
                        "Steam, steam and more steam.", "exactly three"),
                no("keywords:frequency", "{\"keyword\":\"steam\",\"frequency\":3,\"relation\":\"at least\"}",
                        "Steam and steam.", "two is fewer than three"),
                yes("keywords:frequency", "{\"keyword\":\"tea\",\"frequency\":2,\"relation\":\"less than\"}",
                        "One tea please.", "one is less than two"),
                no("keywords:frequency", "{\"keyword\":\"tea\",\"frequency\":2,\"relation\":\"less than\"}",
                        "Tea then more tea.", "two is not less than two"),
                yes("keywords:forbidden_words", "{\"forbidden_words\":[\"rain\",\"cold\"]}", "Sunny and training weather.",
                        "a word inside another word is not the word"),
                no("keywords:forbidden_words", "{\"forbidden_words\":[\"rain\",\"cold\"]}", "It may RAIN.", "whole word, any case"),
                yes("keywords:letter_frequency", "{\"letter\":\"z\",\"let_frequency\":2,\"let_relation\":\"at least\"}",
                        "Zigzag.", "Z and z count alike"),
                no("keywords:letter_frequency", "{\"letter\":\"z\",\"let_frequency\":2,\"let_relation\":\"at least\"}",
                        "Zebra.", "one z"),
                no("keywords:letter_frequency", "{\"letter\":\"q\",\"let_frequency\":1,\"let_relation\":\"less than\"}",
                        "Quiet.", "one q is not less than one"),
                yes("language:response_language", "{\"language\":\"de\"}",
                        "Der Hund ist nicht auf dem Sofa und die Katze schläft.", "German stop words"),
                no("language:response_language", "{\"language\":\"de\"}",
                        "The dog is not on the sofa and the cat is asleep.", "English"),
                yes("language:response_language", "{\"language\":\"ru\"}", "Я думаю, что это было только начало.", "Russian"),
                yes("language:response_language", "{\"language\":\"th\"}", "วันนี้อากาศดีมาก", "Thai script"),
                yes("language:response_language", "{\"language\":\"fr\"}", "12345 !!!", "no letters at all: nothing to judge, as upstream"),
                yes("length_constraints:number_sentences", "{\"num_sentences\":3,\"relation\":\"at least\"}",
                        "Dr. Smith came. He sat! Was it late?", "Dr. does not end a sentence"),
                no("length_constraints:number_sentences", "{\"num_sentences\":3,\"relation\":\"at least\"}",
                        "Mr. Jones came. He sat.", "two sentences"),
                yes("length_constraints:number_sentences", "{\"num_sentences\":2,\"relation\":\"less than\"}",
                        "It costs 3.50 today", "a decimal point is not a sentence end"),
                yes("length_constraints:number_paragraphs", "{\"num_paragraphs\":3}", "One.\n***\nTwo.\n***\nThree.", "two dividers"),
                yes("length_constraints:number_paragraphs", "{\"num_paragraphs\":2}", "***\nOne.\n***\nTwo.\n***", "empty ends do not count"),
                no("length_constraints:number_paragraphs", "{\"num_paragraphs\":3}", "One.\n***\n***\nThree.", "an empty paragraph inside"),
                no("length_constraints:number_paragraphs", "{\"num_paragraphs\":3}", "One.\n\nTwo.\n\nThree.", "blank lines are not dividers"),
                yes("length_constraints:number_words", "{\"num_words\":5,\"relation\":\"at least\"}", "It's a well-known fact.",
                        "it, s, a, well, known, fact: six words"),
                no("length_constraints:number_words", "{\"num_words\":5,\"relation\":\"less than\"}", "one two three four five",
                        "five is not less than five"),
                yes("length_constraints:nth_paragraph_first_word", "{\"num_paragraphs\":2,\"nth_paragraph\":2,\"first_word\":\"Meanwhile\"}",
                        "Once upon a time.\n\n\"Meanwhile, the cat slept.", "quote and comma dropped, case ignored"),
                no("length_constraints:nth_paragraph_first_word", "{\"num_paragraphs\":2,\"nth_paragraph\":2,\"first_word\":\"meanwhile\"}",
                        "Once.\n\nMeanwhile it rained.\n\nThe end.", "three paragraphs"),
                no("length_constraints:nth_paragraph_first_word", "{\"num_paragraphs\":2,\"nth_paragraph\":2,\"first_word\":\"meanwhile\"}",
                        "Once.\n\nThen it rained.", "wrong first word"),
                yes("detectable_content:number_placeholders", "{\"num_placeholders\":2}", "Meet at [address] on [date].", "two"),
                no("detectable_content:number_placeholders", "{\"num_placeholders\":2}", "Meet at [address] soon.", "one"),
                yes("detectable_content:postscript", "{\"postscript_marker\":\"P.S.\"}", "Hello.\n\np.s. see you", "any case"),
                no("detectable_content:postscript", "{\"postscript_marker\":\"P.S.\"}", "Hello. PS see you", "no periods"),
                yes("detectable_content:postscript", "{\"postscript_marker\":\"P.P.S\"}", "Hi.\nP. P. S bring cake", "spaces allowed"),
                yes("detectable_format:number_bullet_lists", "{\"num_bullets\":2}", "Intro\n* one\n- two", "star and dash bullets"),
                no("detectable_format:number_bullet_lists", "{\"num_bullets\":2}", "* one\n* two\n* three", "three is not exactly two"),
                no("detectable_format:number_bullet_lists", "{\"num_bullets\":2}", "**bold**\n* one", "a line starting ** is not a bullet"),
                yes("detectable_format:constrained_response", "{}", "I think so. My answer is maybe.", "one of the options"),
                no("detectable_format:constrained_response", "{}", "My answer is Yes.", "options are case-sensitive"),
                yes("detectable_format:number_highlighted_sections", "{\"num_highlights\":2}", "*one* and **two**", "single and double"),
                no("detectable_format:number_highlighted_sections", "{\"num_highlights\":2}", "*one* and ** **", "an empty highlight"),
                yes("detectable_format:multiple_sections", "{\"section_spliter\":\"SECTION\",\"num_sections\":2}",
                        "SECTION 1\nA.\nSECTION 2\nB.", "two headers"),
                no("detectable_format:multiple_sections", "{\"section_spliter\":\"SECTION\",\"num_sections\":2}",
                        "Section 1\nA.\nSection 2\nB.", "the splitter is case-sensitive"),
                yes("detectable_format:json_format", "{}", "```json\n{\"a\": [1, 2]}\n```", "a fenced JSON object"),
                no("detectable_format:json_format", "{}", "Here it is: {\"a\": 1}", "prose before the JSON"),
                yes("detectable_format:title", "{}", "<<A Title>>\nText.", "a title"),
                no("detectable_format:title", "{}", "<< >>\nText.", "an empty title"),
                yes("combination:two_responses", "{}", "First poem.\n******\nSecond poem.", "two different responses"),
                no("combination:two_responses", "{}", "Same.\n******\nSame.", "identical responses"),
                no("combination:two_responses", "{}", "One.\n******\n******\nTwo.", "an empty response between"),
                yes("combination:repeat_prompt", "{\"prompt_to_repeat\":\"Name three uses of clay.\"}",
                        "  name three uses of clay. Bricks, pots and tiles.", "case and leading space ignored"),
                no("combination:repeat_prompt", "{\"prompt_to_repeat\":\"Name three uses of clay.\"}",
                        "Bricks. Name three uses of clay.", "not at the start"),
                yes("startend:end_checker", "{\"end_phrase\":\"Any other questions?\"}", "\"Done. any other questions?\"",
                        "quotes around the reply are ignored"),
                no("startend:end_checker", "{\"end_phrase\":\"Any other questions?\"}", "Any other questions? Bye.", "words after"),
                yes("change_case:capital_word_frequency", "{\"capital_frequency\":2,\"capital_relation\":\"at least\"}",
                        "This is VERY IMPORTANT.", "two all-caps words"),
                no("change_case:capital_word_frequency", "{\"capital_frequency\":1,\"capital_relation\":\"less than\"}",
                        "I agree.", "I is an all-caps word"),
                yes("change_case:english_capital", "{}", "THE CAT IS ON THE MAT, 100%.", "upper-case English"),
                no("change_case:english_capital", "{}", "THE CAT IS ON THE mat.", "one lower-case word"),
                no("change_case:english_capital", "{}", "DER HUND IST NICHT AUF DEM SOFA.", "upper-case German"),
                yes("change_case:english_lowercase", "{}", "the cat is on the mat.", "lower-case English"),
                no("change_case:english_lowercase", "{}", "the cat is on the Mat.", "one capital"),
                yes("punctuation:no_comma", "{}", "No commas here; only semicolons.", "none"),
                no("punctuation:no_comma", "{}", "One, two.", "a comma"),
                yes("punctuation:no_comma", "{}", "一、二、三", "the ideographic comma is not the comma upstream checks"),
                yes("startend:quotation", "{}", " \"Quoted.\" ", "surrounding spaces ignored"),
                no("startend:quotation", "{}", "\"Quoted.", "no closing quote"),
                no("startend:quotation", "{}", "\"", "a lone quote"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCheckerFollowsItsRule(Case c) throws Exception {
        Check check = Instruction.of(c.id()).bind(JSON.readTree(c.kwargs()));
        assertThat(check.follows(c.response())).as(c.why()).isEqualTo(c.follows());
    }

    @Test
    void theTableHasAPassingAndAFailingResponseForEveryInstruction() {
        Set<Instruction> passing = EnumSet.noneOf(Instruction.class);
        Set<Instruction> failing = EnumSet.noneOf(Instruction.class);
        for (Case c : cases()) {
            (c.follows() ? passing : failing).add(Instruction.of(c.id()));
        }
        assertThat(Instruction.values()).hasSize(25);
        assertThat(passing).containsExactlyInAnyOrder(Instruction.values());
        assertThat(failing).containsExactlyInAnyOrder(Instruction.values());
    }

    @Test
    void idsAndCategoriesAreUpstreams() {
        assertThat(Instruction.of("punctuation:no_comma")).isEqualTo(Instruction.PUNCTUATION_NO_COMMA);
        assertThat(Instruction.LENGTH_NUMBER_WORDS.category()).isEqualTo("length_constraints");
        assertThat(EnumSet.allOf(Instruction.class).stream().map(Instruction::category).distinct().sorted())
                .containsExactly("change_case", "combination", "detectable_content", "detectable_format", "keywords",
                        "language", "length_constraints", "punctuation", "startend");
    }
}
