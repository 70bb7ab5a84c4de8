package mq.producer.input;

import java.util.List;

/**
 * A chunk cut from the input, ready to publish.
 *
 * @param index       0-based chunk number
 * @param firstLine   1-based input line of the body's first line
 * @param firstRecord 0-based ordinal of the first record in the input
 * @param records     records (non-blank lines) in the body
 * @param blankLines  blank lines the body carries along (kept so that line numbers stay exact)
 * @param body        UTF-8 text, one record per line
 * @param lines       input line of each body line, when the body is not the input's own lines; else {@code null}
 * @param csvColumns  the header row's column names when the body holds CSV records; else {@code null}
 */
public record ChunkDraft(int index, long firstLine, long firstRecord, int records, int blankLines,
                         byte[] body, long[] lines, List<String> csvColumns) {

    /** A chunk of line-oriented or JSON records. */
    public ChunkDraft(int index, long firstLine, long firstRecord, int records, int blankLines, byte[] body, long[] lines) {
        this(index, firstLine, firstRecord, records, blankLines, body, lines, null);
    }
}
