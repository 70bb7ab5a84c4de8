package mq.aggregator.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * One job's spilled latest versions in an embedded RocksDB, in a folder of its own that
 * {@link #close} deletes. Keys are {@link KeyEncoding}'s, so the default bytewise comparator
 * iterates them in {@code records.jsonl}'s order; values are {@link VersionEncoding}'s.
 *
 * <p>The settings keep its memory, which is off the Java heap, small and fixed: two 16 MiB write
 * buffers (a full one is flushed to a file while the other fills), a 16 MiB block cache that also
 * holds the index and Bloom filter blocks (10 bits a key: a version whose key was never stored,
 * the common case, is settled without reading a data block), LZ4 on the files (JSON text shrinks
 * to about half, for little CPU), and the scan reading ahead without filling the cache. No
 * write-ahead log: the store only ever holds what the job's partials say, and an aggregator that
 * dies re-reads an unfinished job's partials from Kafka from the first one (its offsets are
 * committed only up to the oldest job in flight), rebuilding the state from nothing; a log
 * would make every write twice for a recovery that is never used.
 */
final class SpillStore implements AutoCloseable {
    private static final long WRITE_BUFFER_BYTES = 16L << 20;
    private static final long BLOCK_CACHE_BYTES = 16L << 20;
    private static final long SCAN_READAHEAD_BYTES = 2L << 20;

    static {
        RocksDB.loadLibrary();
    }

    /** A visitor of the stored entries, in key order. */
    interface EntryVisitor {
        void visit(byte[] key, byte[] value) throws IOException;
    }

    private final Path dir;
    private final LRUCache cache;
    private final BloomFilter filter;
    private final Options options;
    private final WriteOptions writeOptions;
    private final RocksDB db;

    private SpillStore(Path dir) throws RocksDBException {
        this.dir = dir;
        this.cache = new LRUCache(BLOCK_CACHE_BYTES);
        this.filter = new BloomFilter(10);
        this.options = new Options()
                .setCreateIfMissing(true)
                .setWriteBufferSize(WRITE_BUFFER_BYTES)
                .setMaxWriteBufferNumber(2)
                .setMaxBackgroundJobs(2)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                .setKeepLogFileNum(1)
                .setTableFormatConfig(new BlockBasedTableConfig()
                        .setBlockCache(cache)
                        .setFilterPolicy(filter)
                        .setCacheIndexAndFilterBlocks(true));
        this.writeOptions = new WriteOptions().setDisableWAL(true);
        RocksDB opened;
        try {
            opened = RocksDB.open(options, dir.toString());
        } catch (RocksDBException e) {
            closeOptions();
            throw e;
        }
        this.db = opened;
    }

    /** Opens a new, empty store in {@code dir} (created; anything left there from a dead process is removed first). */
    static SpillStore open(Path dir) {
        try {
            deleteTree(dir);
            Files.createDirectories(dir);
            return new SpillStore(dir);
        } catch (IOException | RocksDBException e) {
            throw failure("cannot open a spill store in " + dir, e);
        }
    }

    /** The stored values of {@code keys}, in the same order, {@code null} where a key is not stored. */
    List<byte[]> getAll(List<byte[]> keys) {
        try {
            return db.multiGetAsList(keys);
        } catch (RocksDBException e) {
            throw failure("cannot read the spill store in " + dir, e);
        }
    }

    /** Writes the entries at once. */
    void putAll(List<byte[]> keys, List<byte[]> values) {
        try (WriteBatch batch = new WriteBatch()) {
            for (int i = 0; i < keys.size(); i++) {
                batch.put(keys.get(i), values.get(i));
            }
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw failure("cannot write to the spill store in " + dir + " (is its disk full?)", e);
        }
    }

    /** Every entry in key order, one at a time. */
    void scan(EntryVisitor visitor) throws IOException {
        try (ReadOptions read = new ReadOptions().setFillCache(false).setReadaheadSize(SCAN_READAHEAD_BYTES);
             RocksIterator entries = db.newIterator(read)) {
            for (entries.seekToFirst(); entries.isValid(); entries.next()) {
                visitor.visit(entries.key(), entries.value());
            }
            entries.status();
        } catch (RocksDBException e) {
            throw new IOException("cannot read the spill store in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Closes the database and deletes its folder. */
    @Override
    public void close() {
        db.close();
        closeOptions();
        try {
            deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the spill store in " + dir + "; delete the folder by hand", e);
        }
    }

    private void closeOptions() {
        options.close();
        writeOptions.close();
        filter.close();
        cache.close();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static UncheckedIOException failure(String what, Exception cause) {
        return new UncheckedIOException(what + ": " + cause.getMessage(), new IOException(cause));
    }
}
