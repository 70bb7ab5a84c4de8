package mq.lab.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import mq.common.exact.DecimalText;
import mq.common.protocol.JobKind;
import mq.common.protocol.JobReport;

/**
 * A job's result in one line, to check that every run of a sweep computed exactly the same thing:
 * the totals, and for records a SHA-256 of {@code records.jsonl}.
 */
public final class ResultDigest {
    private ResultDigest() {
    }

    private static final String FAILED = "failed: ";

    public static String of(JobReport report, Iterator<String> recordLines) {
        if (!report.succeeded()) {
            return FAILED + report.error();
        }
        if (report.kind() == JobKind.NUMBERS) {
            return "numbers count=" + report.count() + " sum=" + text(report.sum()) + " min=" + text(report.min())
                    + " max=" + text(report.max());
        }
        StringBuilder digest = new StringBuilder("records count=" + report.count() + " keys=" + report.distinctKeys());
        report.sums().forEach((field, sum) -> digest.append(' ').append(field).append('=').append(text(sum)));
        return digest.append(" sha256=").append(sha256(recordLines)).toString();
    }

    /** The digest of a finished run's report and files. */
    public static String ofRun(JobReport report, Path outDir) throws IOException {
        if (report.recordsFile() == null) {
            return of(report, java.util.Collections.emptyIterator());
        }
        try (BufferedReader reader = Files.newBufferedReader(outDir.resolve(report.recordsFile()), StandardCharsets.UTF_8)) {
            return of(report, reader.lines().iterator());
        }
    }

    /**
     * The in-process baseline's digest, if the baseline computed a result: a failed baseline (say, record
     * options that do not fit the input) leaves nothing to check the runs against, so the
     * lab stops before starting them.
     */
    public static String requireSucceeded(String baselineDigest) {
        if (baselineDigest.startsWith(FAILED)) {
            throw new IllegalArgumentException("the in-process baseline could not compute the job, so no run could be "
                    + "checked against it: " + baselineDigest.substring(FAILED.length()) + " (check --format, --key-field, "
                    + "--timestamp-field, --timestamp-format, --key-type, --sum-field and --csv-delimiter against the input)");
        }
        return baselineDigest;
    }

    private static String sha256(Iterator<String> lines) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            while (lines.hasNext()) {
                digest.update(lines.next().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String text(java.math.BigDecimal value) {
        return value == null ? "-" : DecimalText.format(value);
    }
}
