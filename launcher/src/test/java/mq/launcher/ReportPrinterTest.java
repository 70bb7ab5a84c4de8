package mq.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import mq.common.protocol.JobReport;
import mq.common.protocol.Json;
import org.junit.jupiter.api.Test;

/** What mq run prints of a report: text from the input or from other clients reaches the terminal escaped. */
class ReportPrinterTest {

    @Test
    void controlCharactersFromBadLinesAndReasonsArePrintedEscaped() {
        // Given a failed report whose reason and quoted lines hold ESC sequences and a carriage return
        JobReport report = Json.decode(("{\"job\":\"job-1\",\"kind\":\"numbers\",\"status\":\"failed\","
                + "\"error\":\"bad.txt, line 2: not a number: \\u001b[2J\",\"source\":\"bad\\rtxt\",\"format\":\"numbers\","
                + "\"count\":0,\"chunks\":1,\"workers\":1,\"verified\":false,\"duplicates_ignored\":0,"
                + "\"skipped\":{\"count\":1,\"first\":[{\"line\":2,\"text\":\"\\u001b]0;owned\\u0007\\r42\",\"error\":\"not a number\"}]},"
                + "\"timings\":{\"produce_ms\":0,\"first_pickup_ms\":0,\"last_merge_ms\":0,\"end_to_end_ms\":0,"
                + "\"queue_wait_ms\":{\"mean\":0,\"p50\":0,\"p95\":0,\"max\":0},"
                + "\"processing_ms\":{\"mean\":0,\"p50\":0,\"p95\":0,\"max\":0},\"busy_ms_total\":0},"
                + "\"throughput\":{\"records_per_s\":0,\"mb_per_s\":0},\"per_worker\":{},"
                + "\"started_at\":1,\"finished_at\":2}").getBytes(StandardCharsets.UTF_8), JobReport.class);

        // When it is printed
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReportPrinter.print(report, Path.of("runs", "job-1"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);

        // Then no control character but the line ends reaches the terminal, and each is shown as an escape
        assertThat(printed.replace("\n", "").chars()).noneMatch(Character::isISOControl);
        assertThat(printed).contains("not a number: \\u001b[2J", "bad\\rtxt", "line 2: not a number: \\u001b]0;owned\\u0007\\r42");
    }
}
