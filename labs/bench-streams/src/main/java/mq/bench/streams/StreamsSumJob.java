package mq.bench.streams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import mq.common.exact.NumberStats;
import mq.common.kafka.ClientSettings;
import mq.launcher.JobIds;
import mq.launcher.ScratchTopics;
import mq.producer.JobPublisher;
import mq.producer.input.ChunkDraft;
import mq.producer.input.ChunkReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The numbers job as a Kafka Streams application, the obvious alternative to this pipeline: the
 * same chunks on an input topic, each reduced to exact totals, all merged under one key in a
 * (RocksDB) store, exactly once. Its end-to-end time runs from the first chunk sent to the last
 * total that counts every record, with the application already running, as the pipeline's does.
 */
final class StreamsSumJob {
    private static final String TOTAL_KEY = "total";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    record Result(long millis, NumberStats totals) {
    }

    private final ClientSettings client;
    private final int partitions;
    private final int threads;

    StreamsSumJob(ClientSettings client, int partitions, int threads) {
        this.client = client;
        this.partitions = partitions;
        this.threads = threads;
    }

    /** The topology, apart so that it reads as a Streams user would write it. */
    static Topology topology(String input, String output) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .mapValues(chunk -> ChunkStats.encode(ChunkStats.of(chunk))) // a probe (empty) counts nothing
                .groupBy((chunkKey, stats) -> TOTAL_KEY, Grouped.<String, String>as("chunk-totals")
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.String()))
                .aggregate(() -> ChunkStats.encode(NumberStats.EMPTY),
                        (key, stats, total) -> ChunkStats.encode(ChunkStats.decode(total).merge(ChunkStats.decode(stats))),
                        Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("total")
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.String()))
                .toStream()
                .to(output, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    /** @param stateRoot where the job's RocksDB state lives while it runs */
    Result run(JobPublisher.Request request, long expectedRecords, Path stateRoot) throws IOException, InterruptedException {
        String app = "mq-streams-" + JobIds.next().substring(4);
        String input = app + "-in";
        String output = app + "-out";
        Path stateDir = Files.createDirectories(stateRoot.resolve(app));
        try (Admin admin = Admin.create(client.admin(app + "-admin"))) {
            ScratchTopics.create(admin, client, input, partitions);
            ScratchTopics.create(admin, client, output, 1);
            try (KafkaStreams streams = new KafkaStreams(topology(input, output), properties(app, stateDir));
                 KafkaConsumer<byte[], byte[]> totals = new KafkaConsumer<>(client.reader(app + "-reader"))) {
                TopicPartition out = new TopicPartition(output, 0);
                totals.assign(List.of(out));
                totals.seekToBeginning(List.of(out));
                awaitRunning(streams);
                long start = System.nanoTime();
                produce(request, input);
                NumberStats last = awaitTotal(totals, expectedRecords);
                long millis = (System.nanoTime() - start) / 1_000_000;
                streams.close(Duration.ofSeconds(30));
                return new Result(millis, last);
            } finally {
                // Its input and output and the internal topics Kafka Streams made (repartition, changelog).
                ScratchTopics.deleteAll(admin, app);
            }
        } finally {
            deleteQuietly(stateDir);
        }
    }

    private Properties properties(String app, Path stateDir) {
        Properties props = new Properties();
        props.putAll(client.admin(app));
        props.remove("client.id");
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
        // Exactly once, as the pipeline is: nothing lost, nothing counted twice.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // As many stream threads as the pipeline has worker processes.
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads));
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // Chunks are up to 8 MiB, as on the pipeline's chunk topic.
        props.put(StreamsConfig.consumerPrefix("max.partition.fetch.bytes"), Integer.toString(ClientSettings.MAX_MESSAGE_BYTES));
        return props;
    }

    private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
        streams.start();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing() && streams.state() != KafkaStreams.State.CREATED) {
                throw new IllegalStateException("the Kafka Streams job did not start: " + streams.state());
            }
            Thread.sleep(50);
        }
    }

    private void produce(JobPublisher.Request request, String topic) throws IOException {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(client.producer(topic + "-producer"));
             ChunkReader reader = ChunkReader.open(request.input(), request.format(), request.rowsPerChunk())) {
            ChunkDraft draft;
            while ((draft = reader.next()) != null) {
                producer.send(new ProducerRecord<>(topic, draft.index() % partitions,
                        (request.job() + "/" + draft.index()).getBytes(StandardCharsets.UTF_8), draft.body()));
            }
            producer.flush();
        }
    }

    private static NumberStats awaitTotal(KafkaConsumer<byte[], byte[]> totals, long expectedRecords) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : totals.poll(Duration.ofMillis(50))) {
                if (ScratchTopics.isProbe(record)) {
                    continue;
                }
                NumberStats total = ChunkStats.decode(new String(record.value(), StandardCharsets.UTF_8));
                if (total.count() == expectedRecords) {
                    return total;
                }
            }
        }
        throw new IllegalStateException("the Kafka Streams job did not count " + expectedRecords + " records within " + TIMEOUT);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
