package mq.cli.roles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import mq.cli.console.Progress;
import mq.cli.options.Bootstrap;
import mq.cli.options.JobOptions;
import mq.cli.options.KafkaOptions;
import mq.cli.run.JobIds;
import mq.common.kafka.ClientSettings;
import mq.common.kafka.TopicSetup;
import mq.producer.JobPublisher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mq produce}: publishes one file as a job for workers and an aggregator that are already running. */
@Command(name = "produce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Splits a file into chunks and publishes them as one job, for workers and an aggregator that run "
                + "elsewhere (./mq worker, ./mq aggregator, or Compose). Prints the job id; the aggregator writes the report."})
public final class ProduceCommand implements Callable<Integer> {
    @Mixin
    JobOptions job;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--job", paramLabel = "ID", description = "Job id (default: a new one).")
    String jobId;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder, as the aggregator sees it, for the job's files (default: its --reports folder).")
    Path out;

    @Override
    public Integer call() throws Exception {
        String id = jobId != null ? jobId : JobIds.next();
        ClientSettings settings = kafka.settings(Bootstrap.existing(kafka));
        try (Admin admin = Admin.create(settings.admin("mq-produce-admin"))) {
            TopicSetup.ensure(admin, kafka.topics(), kafka.chunkPartitions());
        }
        JobPublisher.Request request = job.request(id, out);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings.producer("mq-produce-" + id));
             Progress bar = Progress.always("produce", Files.size(request.input()), "MB")) {
            JobPublisher.Summary sent = new JobPublisher(producer, kafka.topics(), kafka.chunkPartitions())
                    .publish(request, (read, total, chunks) -> bar.accept(read));
            bar.close();
            System.out.printf("%s: %,d records in %,d chunks (%,d bytes) sent in %,d ms%n",
                    sent.job(), sent.records(), sent.chunks(), sent.bytes(), sent.produceMillis());
        }
        return 0;
    }
}
