package mq.aggregator.live;

import com.sun.net.httpserver.HttpHandler;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import mq.aggregator.AggregatorObserver;
import mq.common.concurrent.DaemonThreads;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * The aggregator's live page, assembled: the model, the heartbeat reader feeding it, a sampler
 * taking a throughput point a second, and the HTTP routes. The caller hands {@link #observer()}
 * to the aggregator and mounts {@link #routes()} on its HTTP server.
 */
public final class LivePage implements AutoCloseable {
    private static final long SAMPLE_EVERY_MS = 1_000;

    private final LiveModel model;
    private final HeartbeatFeed heartbeats;
    private final LiveHttp http;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("live-sampler"));

    private LivePage(LiveModel model, HeartbeatFeed heartbeats, Path reportsDir) {
        this.model = model;
        this.heartbeats = heartbeats;
        this.http = new LiveHttp(model, reportsDir);
        sampler.scheduleAtFixedRate(model::sample, SAMPLE_EVERY_MS, SAMPLE_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * @param heartbeatReader a consumer of no group, for the workers topic (closed with the page)
     * @param workerGroup     the workers whose heartbeats and lag the page shows
     * @param lag             that group's current lag on the chunk topic
     * @param reportsDir      where jobs without an output folder of their own have their files
     */
    public static LivePage start(Consumer<byte[], byte[]> heartbeatReader, String workersTopic, String workerGroup,
                                 LongSupplier lag, Path reportsDir) {
        LiveModel model = new LiveModel(workerGroup, lag, System::currentTimeMillis);
        return new LivePage(model, HeartbeatFeed.start(heartbeatReader, workersTopic, model::heartbeat), reportsDir);
    }

    public AggregatorObserver observer() {
        return model;
    }

    /** Path prefixes and their handlers. */
    public Map<String, HttpHandler> routes() {
        return http.routes();
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        heartbeats.close();
    }
}
