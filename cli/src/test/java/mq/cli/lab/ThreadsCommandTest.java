package mq.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import mq.lab.kernels.NumberType;
import mq.lab.kernels.SumStrategy;
import mq.lab.threads.ThreadsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

class ThreadsCommandTest {

    @Test
    void defaultsReproduceTheOriginalExercise() {
        ThreadsConfig config = parse();

        assertThat(config.sizes()).containsExactly(1_000_000);
        assertThat(config.threads()).containsExactly(1, 2, 4, 8, 16, 24);
        assertThat(config.strategies()).extracting(SumStrategy::name)
                .containsExactly("sequential", "threads", "pool", "forkjoin", "parallel-stream", "virtual");
        assertThat(config.runs()).isEqualTo(10);
        assertThat(config.warmup()).isEqualTo(5);
        assertThat(config.type()).isEqualTo(NumberType.LONG);
        assertThat(config.out().toString()).matches("runs[/\\\\]threads-\\d{8}-\\d{6}");
    }

    @Test
    void optionsReplaceTheDefaults() {
        ThreadsConfig config = parse("--sizes", "10,20", "--threads", "3,1,3", "--strategies", "pool,threads,pool",
                "--type", "DOUBLE", "--compensated", "--out", "x", "--no-progress");

        assertThat(config.sizes()).containsExactly(10, 20);
        assertThat(config.threads()).containsExactly(1, 3);
        assertThat(config.strategies()).extracting(SumStrategy::name).containsExactly("pool", "threads");
        assertThat(config.typeLabel()).isEqualTo("double (compensated)");
        assertThat(config.out()).isEqualTo(Path.of("x"));
        assertThat(config.progress()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--threads|0|--threads must be between 1 and",
        "--threads|2,-1|--threads must be between 1 and",
        "--sizes|-5|--sizes must be between 0 and",
        "--strategies|threads,turbo|unknown strategy 'turbo': use one or more of sequential, threads",
        "--runs|0|--runs must be at least 1",
        "--warmup|-1|--warmup must be 0 or more",
        "--bandwidth-mb|-1|--bandwidth-mb must be between 0",
    })
    void badValuesSayWhatToDo(String option, String value, String message) {
        assertThatThrownBy(() -> parse(option, value))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining(message);
    }

    @Test
    void refusesSizesThatCannotFitTheHeap() {
        // The largest array is 16 GB: only a test JVM with a smaller heap can check the refusal.
        assumeThat(Runtime.getRuntime().maxMemory()).isLessThan(16L << 30);

        assertThatThrownBy(() -> parse("--sizes", String.valueOf(ThreadsCommand.MAX_SIZE)))
                .isInstanceOf(ParameterException.class).hasMessageContaining("MB of heap").hasMessageContaining("-Xmx");
    }

    @Test
    void compensatedNeedsDoubles() {
        assertThatThrownBy(() -> parse("--compensated"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--type double");
    }

    @Test
    void unknownTypeIsRejectedWhileParsing() {
        assertThatThrownBy(() -> parse("--type", "int"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("use long or double");
    }

    @Test
    void executeReportsBadArgumentsWithUsageAndExitCode2() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new ThreadsCommand()).setErr(new PrintWriter(err));

        int exitCode = commandLine.execute("--threads", "0");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--threads must be between 1 and", "Usage: threads");
    }

    private static ThreadsConfig parse(String... args) {
        ThreadsCommand command = new ThreadsCommand();
        new CommandLine(command).parseArgs(args);
        return command.config();
    }
}
