package dev.claimcheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.serving.ServingBench;
import dev.claimcheck.core.store.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * The options a bench records in run.json's suite.options (what {@code --resume} re-parses) are pinned per command
 * line: values as typed where they were typed, defaults where not, headers and the api key never.
 */
class BenchRecordedOptionsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            defaults only        | --base-url sim | {"--base-url":"sim","--input-tokens":"1k","--output-tokens":"256","--prefix-share":"0.0","--request-timeout":"120s","--seed":"0","--tokenizer":"o200k_base"}
            closed loop as typed | --base-url sim:tpotMs=5 --concurrency 1, 8,32 --input-tokens 1k,8K --output-tokens 128 --requests 010 --warmup 2 --seed 7 | {"--base-url":"sim:tpotMs=5","--concurrency":"1, 8,32","--input-tokens":"1k,8K","--output-tokens":"128","--prefix-share":"0.0","--request-timeout":"120s","--requests":"10","--seed":"7","--tokenizer":"o200k_base","--warmup":"2"}
            open loop gamma      | --base-url http://127.0.0.1:9/v1 --model m --rate 0.5,2 --arrival gamma --burstiness .5 --duration 5m --prefix-share .25 --slo ttft=2000ms,tpot=80ms --request-timeout 30s --header X-Key:secretvalue123 --api-key-env MY_KEY | {"--arrival":"gamma","--base-url":"http://127.0.0.1:9/v1","--burstiness":"0.5","--duration":"5m","--input-tokens":"1k","--model":"m","--output-tokens":"256","--prefix-share":"0.25","--rate":"0.5,2","--request-timeout":"30s","--seed":"0","--slo":"ttft=2000ms,tpot=80ms","--tokenizer":"o200k_base"}
            closed loop ignores arrival | --base-url sim --concurrency 4 --arrival constant --hardware 8xH200,tp=8 --shard 1/2 | {"--base-url":"sim","--concurrency":"4","--hardware":"8xH200,tp=8","--input-tokens":"1k","--output-tokens":"256","--prefix-share":"0.0","--request-timeout":"120s","--seed":"0","--shard":"1/2","--tokenizer":"o200k_base"}
            a/b records repeats  | --base-url sim --model-b other --repeats 4 --concurrency 2 | {"--base-url":"sim","--concurrency":"2","--input-tokens":"1k","--model-b":"other","--output-tokens":"256","--prefix-share":"0.0","--repeats":"4","--request-timeout":"120s","--seed":"0","--tokenizer":"o200k_base"}
            a/b by url only      | --base-url sim --base-url-b sim:tpotMs=9 --concurrency 2 | {"--base-url":"sim","--base-url-b":"sim:tpotMs=9","--concurrency":"2","--input-tokens":"1k","--output-tokens":"256","--prefix-share":"0.0","--repeats":"3","--request-timeout":"120s","--seed":"0","--tokenizer":"o200k_base"}
            """)
    void theRecordedOptionsOfACommandLineArePinned(String name, String commandLine, String recorded) throws Exception {
        BenchCommand command = new BenchCommand(new ServingBench(Clock.systemUTC(), null), Map.of(), System.out, System.err);
        List<String> args = new ArrayList<>();
        for (String option : commandLine.split(" (?=--)")) { // every option here takes a value, which may hold spaces
            int space = option.indexOf(' ');
            args.add(option.substring(0, space));
            args.add(option.substring(space + 1));
        }
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        @SuppressWarnings("unchecked")
        Map<String, String> expected = Json.mapper().readValue(recorded, TreeMap.class);
        assertThat(command.recorded()).containsExactlyEntriesOf(expected);
    }
}
