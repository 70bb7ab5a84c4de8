package mq.metrics;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import mq.common.kafka.ClientFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A role's meters: a Prometheus registry tagged with the role, JVM meters, the meters of each
 * Kafka client bound to it, and the HTTP server that serves them. Close it after the role's loop
 * has stopped; closing twice is harmless.
 */
public final class RoleMetrics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RoleMetrics.class);

    private final PrometheusMeterRegistry registry;
    private final RoleHttpServer server;
    private final List<AutoCloseable> binders = new ArrayList<>();
    private final Map<Object, AutoCloseable> clientBinders = new IdentityHashMap<>();
    private boolean closed;

    private RoleMetrics(PrometheusMeterRegistry registry, RoleHttpServer server) {
        this.registry = registry;
        this.server = server;
    }

    /** @param port the HTTP port; 0 for any free port, -1 for no server */
    public static RoleMetrics start(String role, int port) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("role", role);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        try {
            RoleMetrics metrics = new RoleMetrics(registry, port < 0 ? null : RoleHttpServer.start(port, registry));
            metrics.binders.add(gc);
            return metrics;
        } catch (IOException e) {
            registry.close();
            gc.close();
            throw new UncheckedIOException("cannot serve metrics on port " + port, e);
        }
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public Optional<RoleHttpServer> server() {
        return Optional.ofNullable(server);
    }

    public synchronized <K, V> Consumer<K, V> bind(Consumer<K, V> consumer) {
        KafkaClientMetrics binder = new KafkaClientMetrics(consumer);
        binder.bindTo(registry);
        clientBinders.put(consumer, binder);
        return consumer;
    }

    public synchronized <K, V> Producer<K, V> bind(Producer<K, V> producer) {
        KafkaClientMetrics binder = new KafkaClientMetrics(producer);
        binder.bindTo(registry);
        clientBinders.put(producer, binder);
        return producer;
    }

    /** Opens consumers whose meters are registered here and removed again when the role closes them. */
    public <K, V> ClientFactory<Consumer<K, V>> boundConsumers(Supplier<Consumer<K, V>> opener) {
        return new ClientFactory<>() {
            @Override
            public Consumer<K, V> open() {
                return bind(opener.get());
            }

            @Override
            public void closed(Consumer<K, V> consumer) {
                unbind(consumer);
            }
        };
    }

    /** Removes a closed client's meters, so that a client opened in its place can register its own. */
    public synchronized void unbind(Object client) {
        AutoCloseable binder = clientBinders.remove(client);
        if (binder != null) {
            closeQuietly(binder);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        binders.addAll(clientBinders.values());
        clientBinders.clear();
        binders.forEach(RoleMetrics::closeQuietly);
        if (server != null) {
            server.close();
        }
        registry.close();
    }

    private static void closeQuietly(AutoCloseable binder) {
        try {
            binder.close();
        } catch (Exception e) {
            LOG.warn("closing a metrics binder failed: {}", e.toString());
        }
    }
}
