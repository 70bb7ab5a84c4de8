package mq.aggregator.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mq.common.protocol.Json;

/**
 * The live page's HTTP routes, to mount on the aggregator's HTTP server: the page at {@code /},
 * its assets, and the JSON the page polls (documented in PROTOCOL.md, "The live page").
 */
final class LiveHttp {
    private static final String JOB = "[A-Za-z0-9][A-Za-z0-9._-]{0,199}";
    private static final Pattern JOB_PATH = Pattern.compile("/live/jobs/(" + JOB + ")");
    private static final Pattern FILE_PATH = Pattern.compile("/live/files/(" + JOB + ")/([A-Za-z0-9._-]{1,100})");
    private static final Pattern SINCE = Pattern.compile("(?:^|&)since=(\\d{1,18})(?:&|$)");
    private static final String JSON = "application/json";

    private final LiveModel model;
    private final Path reportsDir;
    private final StaticAssets assets = new StaticAssets();

    LiveHttp(LiveModel model, Path reportsDir) {
        this.model = model;
        this.reportsDir = reportsDir;
    }

    /** Path prefix to handler, for {@code HttpServer.createContext}. */
    Map<String, HttpHandler> routes() {
        Map<String, HttpHandler> routes = new LinkedHashMap<>();
        routes.put("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            serveAsset(exchange, path.equals("/") ? "index.html" : "(none)");
        });
        routes.put("/live/assets/", exchange ->
                serveAsset(exchange, exchange.getRequestURI().getPath().substring("/live/assets/".length())));
        routes.put("/live/jobs", this::jobs);
        routes.put("/live/files/", this::file);
        return routes;
    }

    private void serveAsset(HttpExchange exchange, String name) throws IOException {
        Optional<StaticAssets.Asset> asset = assets.get(name);
        if (asset.isEmpty()) {
            send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
        } else {
            send(exchange, 200, asset.get().contentType(), asset.get().body());
        }
    }

    private void jobs(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/live/jobs") || path.equals("/live/jobs/")) {
            sendJson(exchange, 200, model.jobs());
            return;
        }
        Matcher job = JOB_PATH.matcher(path);
        Optional<LiveViews.JobDetail> detail = job.matches() ? model.detail(job.group(1), since(exchange)) : Optional.empty();
        if (detail.isPresent()) {
            sendJson(exchange, 200, detail.get());
        } else {
            sendJson(exchange, 404, Map.of("error", "no such job in the live view"));
        }
    }

    private static long since(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        Matcher matcher = SINCE.matcher(query == null ? "" : query);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private void file(HttpExchange exchange) throws IOException {
        Matcher matcher = FILE_PATH.matcher(exchange.getRequestURI().getPath());
        Optional<Path> file = matcher.matches() ? model.file(matcher.group(1), matcher.group(2), reportsDir) : Optional.empty();
        if (file.isPresent() && Files.isRegularFile(file.get())) {
            String type = file.get().toString().endsWith(".json") ? JSON : "text/plain; charset=utf-8";
            send(exchange, 200, type, Files.readAllBytes(file.get()));
        } else {
            sendJson(exchange, 404, Map.of("error", "no such file"));
        }
    }

    private static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        send(exchange, status, JSON, bytes);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            // Live data must never come from a cache; the assets are small and served locally.
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
