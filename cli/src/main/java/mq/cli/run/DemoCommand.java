package mq.cli.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import mq.cli.options.Bootstrap;
import mq.cli.options.KafkaOptions;
import mq.common.protocol.JobReport;
import mq.generate.NumbersGenerator;
import mq.generate.RecordsGenerator;
import mq.generate.RecordsSpec;
import mq.launcher.JobIds;
import mq.launcher.ReportPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code mq demo}: sample data, both kinds of job, 4 workers, on the local broker. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generates sample data if absent (1,000,000 numbers; 100,000 JSON records with repeated ids), "
                + "runs both jobs with 4 worker processes on the local broker and prints the results."})
public final class DemoCommand implements Callable<Integer> {
    static final long NUMBERS = 1_000_000;
    static final long RECORDS = 100_000;
    static final long KEYS = 20_000;
    static final long SEED = 42;

    @Mixin
    RunCommand.RunSettingsOptions run;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "Folder of the sample files (default ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws Exception {
        Path numbers = data.resolve("numbers.txt");
        Path records = data.resolve("records.json");
        if (!Files.exists(numbers)) {
            System.err.println(NumbersGenerator.write(numbers, NUMBERS, SEED).summary());
        }
        if (!Files.exists(records)) {
            System.err.println(RecordsGenerator.write(records, RecordsSpec.of(RECORDS, KEYS, SEED)).summary());
        }
        String bootstrap = Bootstrap.startingLocal(kafka);
        List<Path> reports = new ArrayList<>();
        boolean allSucceeded = true;
        for (String[] jobArgs : List.of(
                new String[] {"--input", numbers.toString()},
                new String[] {"--input", records.toString(), "--sum-field", "amount", "--sum-field", "quantity"})) {
            var job = new mq.cli.options.JobOptions();
            new CommandLine(job).parseArgs(jobArgs);
            String jobId = JobIds.next();
            Path outDir = Path.of("runs", jobId);
            JobReport report = RunCommand.execute(kafka, bootstrap, run.settings(), job, jobId, outDir);
            ReportPrinter.print(report, outDir, System.out);
            reports.add(outDir);
            allSucceeded &= report.succeeded();
        }
        System.out.printf("%nReports: %s%nThe local broker keeps running (./mq broker stop to stop it).%n", reports);
        return allSucceeded ? 0 : 1;
    }
}
