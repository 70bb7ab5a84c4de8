package mq.producer.input;

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
 */
public record ChunkDraft(int index, long firstLine, long firstRecord, int records, int blankLines,
                         byte[] body, long[] lines) {
}
