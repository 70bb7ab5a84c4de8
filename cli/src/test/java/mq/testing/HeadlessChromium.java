package mq.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real headless Chromium driven through its DevTools protocol (a WebSocket; no driver binary and
 * no library): open a page, evaluate JavaScript in it, take screenshots. Pages that poll or keep a
 * stream open are fine, unlike {@code --dump-dom}, which waits for the page to go quiet.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, WebSocket.Builder builder, String pageSocket) {
        this.process = process;
        this.socket = builder.buildAsync(URI.create(pageSocket), new Replies()).join();
    }

    /** The browser's executable on the PATH, if there is one. */
    public static Optional<Path> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : NAMES) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Starts a fresh browser (its profile in {@code profileDir}) with one blank page of 1280×800. */
    public static HeadlessChromium start(Path executable, Path profileDir) throws IOException, InterruptedException {
        Files.createDirectories(profileDir);
        Process process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--window-size=1280,800", "--remote-debugging-port=0",
                "--remote-allow-origins=*", "--user-data-dir=" + profileDir, "about:blank")
                .redirectErrorStream(true).redirectOutput(profileDir.resolve("chromium.log").toFile()).start();
        try {
            int port = devToolsPort(process, profileDir.resolve("DevToolsActivePort"));
            HttpClient http = HttpClient.newHttpClient();
            String pageSocket = poll(() -> pageSocket(http, port),
                    "Chromium opened no page; see " + profileDir.resolve("chromium.log"));
            return new HeadlessChromium(process, http.newWebSocketBuilder(), pageSocket);
        } catch (Exception e) { // whatever stops the start, the browser must not outlive it
            stop(process);
            throw e;
        }
    }

    /** Chromium writes the port it chose (and the browser's path) to this file once it listens. */
    private static int devToolsPort(Process process, Path file) throws IOException {
        return poll(() -> {
            if (!process.isAlive()) {
                throw new IOException("Chromium exited with code " + process.exitValue());
            }
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).trim());
                }
            }
            return null;
        }, "Chromium did not open its DevTools port within " + CALL_TIMEOUT.toSeconds() + " s");
    }

    /** The DevTools socket of the browser's page, or {@code null} while it has none. */
    private static String pageSocket(HttpClient http, int port) throws IOException, InterruptedException {
        String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String pageSocket = null;
        for (JsonNode target : JSON.readTree(list)) {
            if ("page".equals(target.path("type").asText())) {
                pageSocket = target.path("webSocketDebuggerUrl").asText();
            }
        }
        return pageSocket;
    }

    /** Asks every 100 ms until {@code probe} answers (not {@code null}); its own exceptions end the wait at once. */
    private static <T> T poll(Callable<T> probe, String timeoutMessage) throws IOException {
        try {
            return await().atMost(CALL_TIMEOUT).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(probe, Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            throw new IOException(timeoutMessage, e);
        }
    }

    /** Sends one DevTools command and waits for its result. */
    public JsonNode call(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        socket.sendText(message.toString(), true).join();
        JsonNode answer = reply.orTimeout(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    public void navigate(String url) {
        call("Page.navigate", Map.of("url", url));
    }

    /** The value of a JavaScript expression in the page, as JSON (a promise is awaited). */
    public JsonNode evaluate(String expression) {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Lays the page out {@code width} CSS pixels wide and saves it whole (or its first {@code maxHeight} pixels) as PNG. */
    public void screenshot(Path png, int width, int maxHeight) throws IOException {
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 800, "deviceScaleFactor", 1,
                "mobile", width < 700));
        int height = Math.min(maxHeight, evaluate("document.documentElement.scrollHeight").asInt(800));
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
                "mobile", width < 700));
        String data = call("Page.captureScreenshot", Map.of("format", "png")).path("data").asText();
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(data));
    }

    @Override
    public void close() {
        socket.abort();
        stop(process);
    }

    /** Chromium runs as a tree of processes: stop the children with the parent. */
    private static void stop(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                tree.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Collects text frames (a message may come in several) and completes the call each reply answers. */
    private final class Replies implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    CompletableFuture<JsonNode> reply = message.has("id") ? pending.remove(message.get("id").asInt()) : null;
                    if (reply != null) {
                        reply.complete(message);
                    }
                } catch (IOException e) {
                    pending.values().forEach(reply -> reply.completeExceptionally(e));
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
