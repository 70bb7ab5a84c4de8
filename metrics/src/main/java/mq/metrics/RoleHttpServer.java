package mq.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import mq.aggregator.report.RecentReports;
import mq.aggregator.report.ReportFiles;
import mq.common.concurrent.DaemonThreads;
import mq.common.protocol.JobReport;
import mq.common.protocol.JobId;
import mq.common.protocol.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A role's small HTTP server: {@code GET /metrics} (Prometheus text format), {@code GET /health},
 * and for the aggregator {@code GET /jobs} (recent jobs and their status) and {@code GET /jobs/ID}
 * (that job's report). Listens on every interface, so Prometheus can reach it in a container.
 */
public final class RoleHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RoleHttpServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String JSON = "application/json";

    private final HttpServer server;

    private RoleHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Starts serving /metrics and /health on {@code port} (0: any free port). */
    public static RoleHttpServer start(int port, PrometheusMeterRegistry registry) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.setExecutor(Executors.newSingleThreadExecutor(DaemonThreads.named("metrics-http")));
        server.createContext("/metrics", exchange -> respond(exchange, 200, PROMETHEUS_TEXT, registry.scrape()));
        server.createContext("/health", exchange -> respond(exchange, 200, "text/plain; charset=utf-8", "ok\n"));
        server.start();
        RoleHttpServer started = new RoleHttpServer(server);
        LOG.info("metrics on http://127.0.0.1:{}/metrics", started.port());
        return started;
    }

    /** Adds /jobs and /jobs/ID: the reports in memory, else a report.json under {@code reportsDir/ID}. */
    public RoleHttpServer serveReports(RecentReports reports, Path reportsDir) {
        server.createContext("/jobs", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/jobs") || path.equals("/jobs/")) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (JobReport report : reports.all()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("job", report.job());
                    entry.put("status", report.status());
                    entry.put("kind", report.kind());
                    entry.put("count", report.count());
                    entry.put("verified", report.verified());
                    entry.put("finished_at", report.finishedAt());
                    list.add(entry);
                }
                respond(exchange, 200, JSON, Json.MAPPER.writeValueAsString(list));
                return;
            }
            String id = path.substring("/jobs/".length());
            if (!JobId.isValid(id)) { // the one grammar: an id can never name a path outside reportsDir
                respond(exchange, 404, JSON, "{\"error\":\"no such job\"}");
                return;
            }
            Optional<JobReport> report = reports.get(id);
            if (report.isPresent()) {
                respond(exchange, 200, JSON, Json.MAPPER.writeValueAsString(report.get()));
                return;
            }
            Path file = reportsDir.resolve(id).resolve(ReportFiles.REPORT_FILE);
            if (Files.isRegularFile(file)) {
                respond(exchange, 200, JSON, Files.readString(file));
            } else {
                respond(exchange, 404, JSON, "{\"error\":\"no such job\"}");
            }
        });
        return this;
    }

    /** Mounts more routes (path prefix to handler), e.g. the aggregator's live page. */
    public RoleHttpServer serve(Map<String, HttpHandler> routes) {
        routes.forEach(server::createContext);
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
