package mq.cli.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mq.aggregator.AggregatorMetrics;
import mq.cli.Main;
import mq.metrics.GroupLag;
import mq.cli.options.MetricsOptions;
import mq.testing.ContainerKafkaFixture;
import mq.worker.WorkerMetrics;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The invariants of docker-compose.yml and the files it mounts, checked without a Docker engine. */
class ComposeFileTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:(MQ_[A-Z0-9_]+)");
    /** Which mq command each service runs. */
    private static final Map<String, String> ROLE_OF_SERVICE = Map.of(
            "aggregator", "aggregator", "worker", "worker", "producer", "produce");

    private static final Path ROOT = repositoryRoot();
    private final JsonNode compose = read(ROOT.resolve("docker-compose.yml"));
    private final JsonNode services = compose.get("services");

    @Test
    void kafkaIsTheImageTheTestsUse() {
        assertThat(services.get("kafka").get("image").asText())
                .isEqualTo("${MQ_KAFKA_IMAGE:-" + ContainerKafkaFixture.DEFAULT_IMAGE + "}");
    }

    @Test
    void everyImageIsAVariableWhoseDefaultIsTheOfficialOne() throws IOException {
        // Given the images the services run and the ones the Dockerfile builds on
        Map<String, String> images = new HashMap<>();
        services.fields().forEachRemaining(service -> {
            JsonNode image = service.getValue().get("image");
            if (!service.getValue().has("build")) {
                images.put(service.getKey(), image.asText());
            }
        });
        JsonNode args = services.get("worker").get("build").get("args");
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

        // Then each is ${MQ_..._IMAGE:-official}, so that users elsewhere change nothing
        assertThat(images).containsOnlyKeys("kafka", "prometheus", "grafana");
        images.forEach((service, image) ->
                assertThat(image).as("image of %s", service).matches("\\$\\{MQ_[A-Z]+_IMAGE:-[a-z]+/[a-z]+:[0-9.v]+}"));
        assertThat(args.get("BUILD_IMAGE").asText()).isEqualTo("${MQ_BUILD_IMAGE:-maven:3.9-eclipse-temurin-17}");
        assertThat(args.get("RUNTIME_IMAGE").asText()).isEqualTo("${MQ_RUNTIME_IMAGE:-eclipse-temurin:17-jre}");
        // and the Dockerfile's own defaults are the same official images
        assertThat(dockerfile).contains("ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17", "ARG RUNTIME_IMAGE=eclipse-temurin:17-jre",
                "FROM ${BUILD_IMAGE} AS build", "FROM ${RUNTIME_IMAGE}");
    }

    @Test
    void workersCanBeScaled() {
        // Given the worker service
        JsonNode worker = services.get("worker");

        // Then no fixed name and no host port stands in the way of --scale worker=N
        assertThat(worker.has("container_name")).isFalse();
        assertThat(worker.has("ports")).isFalse();
        assertThat(worker.get("expose").toString()).contains(Integer.toString(MetricsOptions.CONTAINER_PORT));
    }

    @Test
    void everyMqVariableTheComposeFileSetsIsOneItsRoleReads() {
        for (Map.Entry<String, String> entry : ROLE_OF_SERVICE.entrySet()) {
            // Given the variables a service sets and the ones its command reads
            Set<String> set = mqVariables(services.get(entry.getKey()));
            Set<String> read = variablesReadBy(entry.getValue());

            // Then each one set is read
            assertThat(set).as("MQ_* variables of service %s", entry.getKey()).isNotEmpty();
            assertThat(read).as("variables read by `mq %s`", entry.getValue()).containsAll(set);
        }
    }

    @Test
    void rolesServeMetricsOnThePortPrometheusScrapesAndTheHealthChecksAsk() {
        // Given the Prometheus configuration the compose file mounts
        JsonNode prometheus = read(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        Map<String, JsonNode> jobs = new HashMap<>();
        prometheus.get("scrape_configs").forEach(job -> jobs.put(job.get("job_name").asText(), job));

        for (String service : new String[] {"worker", "aggregator"}) {
            String port = env(services.get(service)).get("MQ_METRICS_PORT");
            // Then the role serves on the container port, Prometheus asks every address of the service there,
            assertThat(port).isEqualTo(Integer.toString(MetricsOptions.CONTAINER_PORT));
            JsonNode sd = jobs.get(service).get("dns_sd_configs").get(0);
            assertThat(sd.get("names").get(0).asText()).isEqualTo(service);
            assertThat(sd.get("type").asText()).isEqualTo("A");
            assertThat(sd.get("port").asText()).isEqualTo(port);
            // and the health check asks the same port
            assertThat(services.get(service).get("healthcheck").get("test").toString()).contains("/" + port);
        }
        assertThat(compose.get("services").get("prometheus").get("volumes").toString())
                .contains("./deploy/prometheus/prometheus.yml");
    }

    @Test
    void theDashboardAsksOnlyForMetersTheRolesHave() throws IOException {
        // Given the meters the worker and the aggregator register, as Prometheus names them
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new WorkerMetrics(registry, "w");
        new AggregatorMetrics(registry);
        Gauge.builder(GroupLag.METER, () -> 0).register(registry);
        String scrape = registry.scrape();

        // When the dashboard's queries are read
        String dashboard = Files.readString(ROOT.resolve("deploy/grafana/dashboards/message-queues.json"));
        Matcher names = Pattern.compile("\\bmq_[a-z_]+").matcher(dashboard);
        Set<String> asked = new TreeSet<>();
        while (names.find()) {
            asked.add(names.group());
        }

        // Then each name it asks for is served
        assertThat(asked).isNotEmpty();
        for (String name : asked) {
            assertThat(scrape).as("the meters the roles serve").containsPattern("(?m)^" + name + "[{ ]");
        }
        JsonNode datasource = read(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml"));
        assertThat(dashboard).contains("\"uid\": \"" + datasource.get("datasources").get(0).get("uid").asText() + "\"");
    }

    private static Set<String> mqVariables(JsonNode service) {
        Set<String> names = new TreeSet<>();
        for (String name : env(service).keySet()) {
            if (name.startsWith("MQ_")) {
                names.add(name);
            }
        }
        return names;
    }

    /** A service's environment, in either of the two forms Compose accepts (a map, or a list of NAME=VALUE). */
    private static Map<String, String> env(JsonNode service) {
        Map<String, String> env = new HashMap<>();
        JsonNode environment = service.get("environment");
        if (environment == null) {
            return env;
        }
        if (environment.isArray()) {
            environment.forEach(item -> {
                String[] parts = item.asText().split("=", 2);
                env.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> fields = environment.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                env.put(field.getKey(), field.getValue().asText());
            }
        }
        return env;
    }

    /** The MQ_* variables named in the picocli defaults of {@code mq <command>}'s options. */
    private static Set<String> variablesReadBy(String command) {
        // Without interpolation, a default value reads as written: ${env:MQ_NAME:-fallback}.
        CommandLine commandLine = Main.commandLine().setInterpolateVariables(false).getSubcommands().get(command);
        assertThat(commandLine).as("mq %s", command).isNotNull();
        Set<String> names = new TreeSet<>();
        for (OptionSpec option : commandLine.getCommandSpec().options()) {
            String raw = option.defaultValue();
            if (raw != null) {
                Matcher matcher = ENV_DEFAULT.matcher(raw);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("docker-compose.yml not found above " + Path.of("").toAbsolutePath());
    }
}
