package mq.producer.input;

import java.io.IOException;
import java.io.InputStream;

/**
 * What the byte-level readers share: the input read into one buffer at a time (the readers scan
 * {@code buffer} from {@code position} to {@code limit} themselves, in their hot loops), a UTF-8
 * byte order mark at the very start skipped, and the count of bytes read for the progress bar.
 */
abstract class ByteChunkReader implements ChunkReader {
    private final InputStream in;
    final byte[] buffer = new byte[1 << 16];
    int position;
    int limit;
    private boolean endOfInput;
    private boolean atStart = true;
    private long bytesRead;

    ByteChunkReader(InputStream in) {
        this.in = in;
    }

    /** Reads the next bufferful; {@code false} at the end of the input. */
    final boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int read = in.read(buffer);
        if (read <= 0) {
            endOfInput = true;
            return false;
        }
        bytesRead += read;
        position = 0;
        limit = read;
        if (atStart) {
            atStart = false;
            if (read >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
                position = 3; // a UTF-8 byte order mark is not part of the first line or the header row
            }
        }
        return true;
    }

    @Override
    public final long bytesRead() {
        return bytesRead;
    }

    @Override
    public final void close() throws IOException {
        in.close();
    }
}
