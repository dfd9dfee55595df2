package dev.claimcheck.core.suite.proofs;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.PromptHash;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One input file read whole, with a size limit, as UTF-8, and hashed: every file a proof run reads goes through here so
 * that each is listed with its hash.
 *
 * @param text the file's content
 * @param hash its role, name and hash
 */
record InputFile(String text, InputHash hash) {
    /** Statements, solutions and schemes are a few pages; anything far larger is not what was meant. */
    static final long MAX_BYTES = 4L << 20;

    static InputFile read(Path file, String role, String name) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new BadInputException(file + ": " + size + " bytes, more than the " + MAX_BYTES + " a proof input may have");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return new InputFile(text, new InputHash(role, name, "sha256:" + PromptHash.sha256Hex(bytes)));
        } catch (CharacterCodingException e) {
            throw new BadInputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
