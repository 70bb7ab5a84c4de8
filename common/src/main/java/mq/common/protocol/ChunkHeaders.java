package mq.common.protocol;

/** Names of the headers a chunk message carries (see docs/PROTOCOL.md). Values are UTF-8 text. */
public final class ChunkHeaders {
    public static final String JOB = "mq-job";
    public static final String CHUNK = "mq-chunk";
    public static final String KIND = "mq-kind";
    public static final String FIRST_LINE = "mq-first-line";
    public static final String FIRST_RECORD = "mq-first-record";
    public static final String RECORDS = "mq-records";
    public static final String CRC32C = "mq-crc32c";
    public static final String PRODUCED_AT = "mq-produced-at";
    public static final String SOURCE = "mq-source";
    public static final String KEY_FIELD = "mq-key-field";
    public static final String TIMESTAMP_FIELD = "mq-timestamp-field";
    public static final String SUM_FIELDS = "mq-sum-fields";
    public static final String LINES = "mq-lines";
    /** Optional: the protocol version the chunk follows; a chunk without it is version 1. */
    public static final String PROTOCOL = "mq-protocol";
    /** Optional: the aggregator that owns the job; absent for the installation's default aggregator. */
    public static final String OWNER = "mq-owner";
    public static final String KEY_TYPE = "mq-key-type";
    public static final String TIMESTAMP_FORMAT = "mq-timestamp-format";
    public static final String TIMESTAMP_ZONE = "mq-timestamp-zone";
    public static final String CSV_COLUMNS = "mq-csv-columns";
    public static final String CSV_DELIMITER = "mq-csv-delimiter";

    private ChunkHeaders() {
    }
}
