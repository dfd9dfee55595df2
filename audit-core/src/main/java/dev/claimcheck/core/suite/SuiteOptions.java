package dev.claimcheck.core.suite;

import dev.claimcheck.core.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Suite options to and from the {@code suite.options} map of run.json, so {@code --resume} needs no
 * other option. The map holds each option's longest name and its value as typed.
 */
public final class SuiteOptions {
    private SuiteOptions() {
    }

    /** The current values of a populated options object. */
    public static Map<String, String> values(Object options) {
        Map<String, String> values = new TreeMap<>();
        for (OptionSpec o : CommandSpec.forAnnotatedObject(options).options()) {
            Object v = o.getValue();
            if (v != null) {
                values.put(o.longestName(), v instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                        : String.valueOf(v));
            }
        }
        return values;
    }

    /** A fresh options object of the suite populated from a stored map. */
    public static Object restore(Suite suite, Map<String, String> values) {
        Object options = suite.newOptions();
        CommandSpec spec = CommandSpec.forAnnotatedObject(options);
        List<String> args = new ArrayList<>();
        values.forEach((name, value) -> {
            OptionSpec option = spec.findOption(name);
            if (option == null) {
                throw new BadInputException("suite " + suite.id() + " has no option " + name + " (stored in run.json)");
            }
            if (option.arity().max() == 0) {
                // A flag: present when it was true.
                if (Boolean.parseBoolean(value)) {
                    args.add(name);
                }
                return;
            }
            args.add(name);
            args.add(value);
        });
        try {
            new CommandLine(options).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new BadInputException("stored options of suite " + suite.id() + " do not parse: " + e.getMessage());
        }
        return options;
    }
}
