package dev.claimcheck.core.suite.ifeval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.ifeval.IfevalSpec;
import dev.claimcheck.core.model.PromptHash;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * IFEval's {@code input_data.jsonl} as google-research publishes it: one JSON object per line with {@code key}
 * (integer), {@code prompt} (string), {@code instruction_id_list} and {@code kwargs} (one object per instruction;
 * null-valued kwargs are absent). Parsed with limits; every error names {@code file:line}. Blank lines are skipped.
 *
 * @param fileName the file name only (run.json holds no absolute path)
 * @param sha256 of the file's bytes, as published
 * @param prompts in file order
 */
record IfevalDataset(String fileName, String sha256, List<IfevalPrompt> prompts) {
    static final long MAX_FILE_BYTES = 16L << 20;
    static final int MAX_LINE_CHARS = 256 * 1024;
    static final int MAX_PROMPTS = 20_000;
    private static final ObjectMapper JSON = limited();

    IfevalDataset {
        prompts = List.copyOf(prompts);
    }

    static IfevalDataset load(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes = read(file, name);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(name + ": not UTF-8 text");
        }
        List<IfevalPrompt> prompts = new ArrayList<>();
        Set<Integer> keys = new HashSet<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String where = name + ":" + (i + 1);
            if (line.length() > MAX_LINE_CHARS) {
                throw new BadInputException(where + ": line longer than " + MAX_LINE_CHARS + " characters");
            }
            if (line.isBlank()) {
                continue;
            }
            if (prompts.size() == MAX_PROMPTS) {
                throw new BadInputException(where + ": more than " + MAX_PROMPTS + " prompts");
            }
            IfevalPrompt p = prompt(line, where, i + 1);
            if (!keys.add(p.key())) {
                throw new BadInputException(where + ": key " + p.key() + " appears twice");
            }
            prompts.add(p);
        }
        if (prompts.isEmpty()) {
            throw new BadInputException(name + ": no prompts");
        }
        return new IfevalDataset(name, PromptHash.sha256Hex(bytes), prompts);
    }

    private static IfevalPrompt prompt(String line, String where, int lineNo) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the source and spans lines; the column is what a reader needs.
            throw new BadInputException(where + ": not valid JSON at column " + e.getLocation().getColumnNr());
        }
        if (n == null || !n.isObject()) {
            throw new BadInputException(where + ": expected a JSON object");
        }
        JsonNode key = n.get("key");
        if (key == null || !key.isIntegralNumber() || !key.canConvertToInt()) {
            throw new BadInputException(where + ": key must be an integer, got " + (key == null ? "nothing" : key));
        }
        JsonNode prompt = n.get("prompt");
        if (prompt == null || !prompt.isTextual() || prompt.asText().isBlank()) {
            throw new BadInputException(where + ": prompt must be a non-empty string");
        }
        try {
            return new IfevalPrompt(key.intValue(), prompt.asText(), IfevalSpec.of(n.get("instruction_id_list"), n.get("kwargs")), lineNo);
        } catch (BadInputException e) {
            throw new BadInputException(where + ": key " + key.intValue() + ": " + e.getMessage());
        }
    }

    private static byte[] read(Path file, String name) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(name + ": no such file (--dataset " + file + ")");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new BadInputException(name + ": " + size + " bytes, more than the limit of " + MAX_FILE_BYTES);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static ObjectMapper limited() {
        JsonMapper mapper = JsonMapper.builder().build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(16).maxStringLength(MAX_LINE_CHARS).maxNumberLength(32).build());
        return mapper;
    }
}
