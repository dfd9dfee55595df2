package dev.claimcheck.core.suite.longctx;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Our own word lists for generated filler and planted facts (no copied corpora). Filler words and fact words are
 * disjoint on purpose: a key, a value or a label of a planted fact never occurs in filler, so a task's answer is
 * decided by the planted lines alone.
 */
final class Words {
    private Words() {
    }

    // Filler vocabulary.
    static final List<String> ADJECTIVES = List.of("quiet", "narrow", "bright", "heavy", "gentle", "rapid", "distant",
            "steady", "hollow", "silver", "crooked", "polished", "ancient", "modest", "sturdy", "faded", "curious", "dense",
            "humble", "open", "patient", "rough", "shallow", "tidy", "wide", "brisk", "calm", "plain", "early", "late");
    static final List<String> NOUNS = List.of("harbour", "ledger", "orchard", "bridge", "workshop", "valley", "lantern",
            "market", "meadow", "library", "furnace", "corridor", "garden", "quarry", "tower", "warehouse", "river", "canal",
            "cellar", "mill", "station", "courtyard", "barn", "pier", "archive", "gallery", "kitchen", "forge", "depot", "field");
    static final List<String> VERBS = List.of("crossed", "repaired", "measured", "painted", "inspected", "visited",
            "described", "cleaned", "counted", "opened", "closed", "sketched", "surveyed", "guarded", "weighed", "sorted");
    static final List<String> PEOPLE = List.of("the keeper", "a clerk", "the surveyor", "an apprentice", "the miller",
            "a courier", "the foreman", "a visitor", "the archivist", "a carpenter", "the ferryman", "a student");
    static final List<String> STATUSES = List.of("pending", "shipped", "open", "closed", "review", "archived", "draft");
    static final List<String> COMPONENTS = List.of("scheduler", "cache", "gateway", "indexer", "mailer", "uploader",
            "resolver", "billing", "auth", "search");
    static final List<String> LEVELS = List.of("INFO", "INFO", "INFO", "DEBUG", "WARN");

    // Fact vocabulary (never in filler).
    static final List<String> KEY_FIRST = List.of("amber", "cobalt", "crimson", "emerald", "ivory", "jade", "onyx",
            "saffron", "scarlet", "topaz", "umber", "violet", "azure", "coral", "russet", "indigo");
    static final List<String> KEY_SECOND = List.of("falcon", "otter", "heron", "lynx", "marten", "osprey", "badger",
            "ibis", "kestrel", "weasel", "plover", "stoat", "bison", "gecko", "tapir", "egret");
    static final List<String> LABELS = List.of("ORCHID", "BASALT", "TUNDRA", "MAGNET", "PEBBLE", "CIPHER", "HARBOR",
            "NECTAR", "QUARTZ", "SPRUCE", "VELVET", "ZEPHYR");
    static final List<String> GIVEN = List.of("Ilse", "Tomas", "Odile", "Ravi", "Mireille", "Joaquin", "Sunniva",
            "Kofi", "Anouk", "Dragan", "Yelena", "Bertil");
    static final List<String> FAMILY = List.of("Varga", "Lindqvist", "Okafor", "Brenner", "Castellane", "Haldor",
            "Mbeki", "Tavares", "Quist", "Rosenthal", "Oyelaran", "Fenwick");
    static final List<String> PLACE_FIRST = List.of("Port", "Upper", "Lower", "North", "South", "East", "West", "Old");
    static final List<String> PLACE_SECOND = List.of("Ambrose", "Kelloway", "Drumlin", "Sarnia", "Vesterby",
            "Calloway", "Brisac", "Tollund", "Marrow", "Ostend", "Quillan", "Remsby");

    static String pick(SplittableRandom rng, List<String> words) {
        return words.get(rng.nextInt(words.size()));
    }

    /** A planted key such as "amber-falcon-42" (25,600 of them). */
    static String key(SplittableRandom rng) {
        return pick(rng, KEY_FIRST) + "-" + pick(rng, KEY_SECOND) + "-" + (10 + rng.nextInt(90));
    }

    /** A decoy of a key: the same colour and number, another animal ("amber-otter-42" for "amber-falcon-42"). */
    static String decoy(SplittableRandom rng, String key) {
        String[] parts = key.split("-");
        return parts[0] + "-" + pick(rng, KEY_SECOND) + "-" + parts[2];
    }

    /** A planted value: seven digits, which no filler line has (filler numbers have at most five). */
    static String value(SplittableRandom rng) {
        return Integer.toString(1_000_000 + rng.nextInt(9_000_000));
    }

    /** A planted variable name such as "v_qrtk". */
    static String variable(SplittableRandom rng) {
        String consonants = "bcdfghjklmnpqrstvwxz";
        StringBuilder b = new StringBuilder("v_");
        for (int i = 0; i < 4; i++) {
            b.append(consonants.charAt(rng.nextInt(consonants.length())));
        }
        return b.toString();
    }

    static String person(SplittableRandom rng) {
        return pick(rng, GIVEN) + " " + pick(rng, FAMILY);
    }

    static String place(SplittableRandom rng) {
        return pick(rng, PLACE_FIRST) + " " + pick(rng, PLACE_SECOND);
    }
}
