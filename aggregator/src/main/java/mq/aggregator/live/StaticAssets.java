package mq.aggregator.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The page's files, from this jar: our own page, script and style, and uPlot from its webjar,
 * found through the webjar's Maven properties so that upgrading uPlot needs no change here.
 */
final class StaticAssets {
    record Asset(byte[] body, String contentType) {
    }

    private static final String OWN = "/mq/aggregator/live/";
    private static final String UPLOT_PROPERTIES = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private final Map<String, String> paths;

    StaticAssets() {
        String uplot = "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
        paths = Map.of(
                "index.html", OWN + "index.html",
                "live.js", OWN + "live.js",
                "live.css", OWN + "live.css",
                "uPlot.iife.min.js", uplot + "uPlot.iife.min.js",
                "uPlot.min.css", uplot + "uPlot.min.css");
    }

    private static String uplotVersion() {
        try (InputStream in = StaticAssets.class.getResourceAsStream(UPLOT_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("the uPlot webjar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The asset of that name, or empty for any name not on the list. */
    Optional<Asset> get(String name) {
        String path = paths.get(name);
        if (path == null) {
            return Optional.empty();
        }
        try (InputStream in = StaticAssets.class.getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            String extension = name.substring(name.lastIndexOf('.') + 1);
            return Optional.of(new Asset(in.readAllBytes(), CONTENT_TYPES.get(extension)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
