package mq.generate.schema;

import java.io.IOException;

/** Writes rows of cells in one file format. */
interface RowWriter extends AutoCloseable {
    void write(Cell[] cells) throws IOException;

    /** Ends the file (a JSON array's {@code ]}) and flushes; does not close the target. */
    @Override
    void close() throws IOException;
}
