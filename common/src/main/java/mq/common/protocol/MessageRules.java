package mq.common.protocol;

import java.nio.file.Path;
import mq.common.exact.NumberStats;
import mq.common.records.RecordVersion;

/**
 * Decodes a job event or a partial and checks it against docs/PROTOCOL.md, so that no role ever
 * dereferences a field a message does not have: a {@code null} value, a tombstone, {@code {}} or
 * a partial without its results is a {@link MalformedMessageException} naming what is wrong, which
 * the role turns into a dead letter.
 */
public final class MessageRules {
    private MessageRules() {
    }

    public static JobEvent jobEvent(byte[] value) {
        JobEvent event = Json.decode(present(value, "job event"), JobEvent.class);
        if (event == null) {
            throw new MalformedMessageException("a job event cannot be JSON null");
        }
        JobId.check(event.job());
        ProtocolVersion.check(event.protocol(), "job event");
        Owner.check(event.owner(), "the event's owner");
        if (event instanceof JobEvent.Alive alive) {
            atLeast(alive.at(), 0, "alive.at");
        } else if (event instanceof JobEvent.Started started) {
            checkStarted(started);
        } else if (event instanceof JobEvent.Ended ended) {
            checkEnded(ended);
        } else if (event instanceof JobEvent.Aborted aborted) {
            require(aborted.reason() != null, "aborted has no reason");
        }
        return event;
    }

    private static void checkStarted(JobEvent.Started s) {
        require(s.kind() != null, "started has no kind (numbers or records)");
        require(s.kind() != JobKind.RECORDS || s.recordSpec() != null, "a records job's started has no record_spec");
        if (s.recordSpec() != null) {
            require(s.recordSpec().keyField() != null && s.recordSpec().timestampField() != null,
                    "record_spec needs key_field and timestamp_field");
        }
        require(s.format() == null || s.format().matches("numbers|json|jsonl|csv"),
                "started.format is " + Terminal.quote(s.format()) + ", expected numbers, json, jsonl or csv");
        if (s.outputDir() != null) {
            Path dir = Path.of(s.outputDir());
            require(dir.isAbsolute() && dir.normalize().equals(dir),
                    "started.output_dir " + Terminal.quote(s.outputDir()) + " is not an absolute path without '..'");
        }
        atLeast(s.aliveEveryMs(), 0, "started.alive_every_ms");
    }

    private static void checkEnded(JobEvent.Ended e) {
        atLeast(e.chunks(), 0, "ended.chunks");
        atMost(e.chunks(), Limits.MAX_CHUNKS, "ended.chunks");
        atLeast(e.records(), 0, "ended.records");
        atLeast(e.blankLines(), 0, "ended.blank_lines");
        atLeast(e.bytes(), 0, "ended.bytes");
        atLeast(e.produceMillis(), 0, "ended.produce_millis");
    }

    public static Partial partial(byte[] value) {
        Partial partial = Json.decode(present(value, "partial"), Partial.class);
        if (partial == null) {
            throw new MalformedMessageException("a partial cannot be JSON null");
        }
        JobId.check(partial.job());
        ProtocolVersion.check(partial.protocol(), "partial");
        Owner.check(partial.owner(), "partial.owner");
        atLeast(partial.chunk(), 0, "partial.chunk");
        atMost(partial.chunk(), Limits.MAX_CHUNKS - 1, "partial.chunk");
        if (partial.failed()) {
            return partial; // a failed partial carries only its error: the job fails with it
        }
        require(partial.kind() != null, "partial of chunk " + partial.chunk() + " has no kind");
        atLeast(partial.records(), 0, "partial.records");
        atLeast(partial.badCount(), 0, "partial.bad_count");
        require(partial.crc32c() >= 0 && partial.crc32c() <= 0xFFFF_FFFFL, "partial.crc32c is not an unsigned 32-bit value");
        switch (partial.kind()) {
            case NUMBERS -> checkNumbers(partial.numbers());
            case RECORDS -> checkLatest(partial);
        }
        return partial;
    }

    private static void checkNumbers(NumberStats numbers) {
        require(numbers != null, "a numbers partial has no numbers");
        atLeast(numbers.count(), 0, "numbers.count");
        require(numbers.sum() != null, "numbers has no sum");
        require(numbers.count() == 0 || (numbers.min() != null && numbers.max() != null),
                "numbers has a count but no min or max");
    }

    private static void checkLatest(Partial partial) {
        require(partial.latest() != null, "a records partial has no latest");
        for (RecordVersion version : partial.latest()) {
            require(version != null && version.key() != null && version.timestamp() != null && version.json() != null,
                    "an entry of latest lacks key, timestamp or json");
            atLeast(version.position(), 0, "latest.position");
        }
    }

    private static byte[] present(byte[] value, String what) {
        if (value == null || value.length == 0) {
            throw new MalformedMessageException("empty " + what + " (a tombstone?)");
        }
        return value;
    }

    private static void atLeast(long value, long min, String field) {
        require(value >= min, field + " is " + value + ", must be at least " + min);
    }

    private static void atMost(long value, long max, String field) {
        require(value <= max, field + " is " + value + ", must be at most " + max);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new MalformedMessageException(problem);
        }
    }
}
