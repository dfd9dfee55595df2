package dev.claimcheck.core.store;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.RecipeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a recipe strictly: any problem is one {@link BadInputException} line naming the file. */
public final class RecipeReader {
    private static final long MAX_BYTES = 1L << 20;

    private RecipeReader() {
    }

    public static RecipeSpec read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(file + ": larger than 1 MiB");
            }
            return Json.mapper().readValue(Files.readAllBytes(file), RecipeSpec.class);
        } catch (NoSuchFileException e) {
            throw new BadInputException("recipe not found: " + file);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new BadInputException(file + ": " + cause.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException(file + ": not a valid recipe: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInputException("cannot read recipe " + file + ": " + e.getMessage());
        }
    }
}
