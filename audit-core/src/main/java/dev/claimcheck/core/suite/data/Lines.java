package dev.claimcheck.core.suite.data;

import dev.claimcheck.core.BadInputException;
import java.util.ArrayList;
import java.util.List;

/** Physical lines of a text with LF or CRLF ends, each bounded in length. */
final class Lines {
    private Lines() {
    }

    static List<String> split(String file, String text, DatasetLimits limits) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int lineNo = 1;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            if (end - start > limits.maxLineChars()) {
                throw new BadInputException(file + ":" + lineNo + ": line longer than " + limits.maxLineChars() + " characters");
            }
            int cut = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(text.substring(start, cut));
            if (nl < 0) {
                break;
            }
            start = nl + 1;
            lineNo++;
        }
        return lines;
    }

    static void checkRows(String file, int line, int rows, DatasetLimits limits) {
        if (rows > limits.maxRows()) {
            throw new BadInputException(file + ":" + line + ": more than " + limits.maxRows() + " rows");
        }
    }
}
