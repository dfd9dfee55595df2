package dev.claimcheck.core.serving;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.tokens.Tokenizer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Synthetic prompts of exactly N tokens of a named tokenizer. A prompt is N words drawn at random, each written
 * with a leading space; only words that are a single token in that form are used, and the tokenizer's
 * pre-tokenizer splits {@code " word word"} at each space, so N words are N tokens (checked in the constructor and
 * by the tests). Every prompt starts with its own random words, so no prefix cache can serve it;
 * {@code prefixShare} makes the first part of every prompt the same on purpose, to measure caching. The salt keeps
 * two runs with one seed apart: the same seed and salt give the same texts (an exact repeat), another salt others.
 */
public final class PromptFactory {
    private static final String[] CANDIDATES = ("time year people way day man thing woman life child world school state "
            + "family student group country problem hand part place case week company system program question work "
            + "government number night point home water room mother area money story fact month lot right study book "
            + "eye job word business issue side kind head house service friend father power hour game line end member "
            + "law car city community name president team minute idea kid body information back parent face others "
            + "level office door health person art war history party result change morning reason research girl guy "
            + "moment air teacher force education foot boy age policy music market sense nation plan college interest "
            + "death experience effect use class control care field development role effort rate heart drug show leader "
            + "light voice wife police mind price report decision son view relationship town road arm difference value "
            + "building action model season society tax director position player record paper space ground form event "
            + "official matter center couple site project activity star table need court oil situation cost industry "
            + "figure street image phone data picture practice piece land product doctor wall patient worker news test "
            + "movie north love support technology step baby computer type attention film tree source organization hair "
            + "window evidence population site stage green river blue red small large early young important few public "
            + "bad same able last long great little own other old big high different local sure free better true whole")
            .split(" ");

    private static final Pattern SALT = Pattern.compile("[0-9a-f]{16}");

    private final Tokenizer tokenizer;
    private final String[] words;

    public PromptFactory(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
        List<String> ok = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String w : CANDIDATES) {
            if (seen.add(w) && tokenizer.count(" " + w) == 1) {
                ok.add(" " + w);
            }
        }
        if (ok.size() < 64) {
            throw new IllegalStateException("tokenizer " + tokenizer.name() + " has too few single-token words");
        }
        this.words = ok.toArray(String[]::new);
        String probe = String.join("", words);
        if (tokenizer.count(probe) != words.length) {
            throw new IllegalStateException("tokenizer " + tokenizer.name() + " merges words across spaces");
        }
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** Distinct words available; a random prompt of n words has words^n possible texts. */
    public int vocabulary() {
        return words.length;
    }

    /**
     * A prompt of exactly {@code tokens} tokens.
     *
     * @param seed the run's seed; {@code key} distinguishes requests (point and sequence number)
     * @param salt the run's prompt salt (a new one per run unless an exact repeat is wanted)
     * @param prefixShare fraction of the tokens that is the same for every prompt of the run (0 for none)
     */
    public String prompt(long seed, long salt, long key, int tokens, double prefixShare) {
        int shared = (int) Math.round(tokens * prefixShare);
        StringBuilder b = new StringBuilder(tokens * 8);
        SplittableRandom common = new SplittableRandom((seed ^ 0x5DEECE66DL) + salt * 0xBF58476D1CE4E5B9L);
        for (int i = 0; i < shared; i++) {
            b.append(words[common.nextInt(words.length)]);
        }
        SplittableRandom own = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + key + salt * 0x94D049BB133111EBL);
        for (int i = shared; i < tokens; i++) {
            b.append(words[own.nextInt(words.length)]);
        }
        return b.toString();
    }

    /** A fresh prompt salt: 16 lower-case hex digits from a secure source, so two runs never share one by chance. */
    public static String newSalt() {
        return String.format(Locale.ROOT, "%016x", new SecureRandom().nextLong());
    }

    /** {@code --prompt-salt} as the number the prompts mix in. */
    public static long salt(String hex) {
        if (hex == null || !SALT.matcher(hex).matches()) {
            throw new BadInputException("--prompt-salt takes 16 lower-case hex digits, got '" + hex + "'");
        }
        return Long.parseUnsignedLong(hex, 16);
    }
}
