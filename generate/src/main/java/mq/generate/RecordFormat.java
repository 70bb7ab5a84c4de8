package mq.generate;

/** How {@link RecordsGenerator} lays records out in the file. */
public enum RecordFormat {
    /** One JSON array: {@code [} on the first line, one object per line, {@code ]} on the last. */
    JSON,
    /** JSON Lines: one object per line, nothing else. */
    JSONL
}
