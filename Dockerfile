# One image for every role: `docker run IMAGE worker|aggregator|produce|generate ...`.
# Build stage: the Maven build of the command-line module and what it needs (not the benchmarks).
# The two base images are arguments (docker-compose.yml passes MQ_BUILD_IMAGE and MQ_RUNTIME_IMAGE):
# by default the official Maven + Temurin 17 and Temurin 17 JRE images; where no registry is reachable,
# the stand-ins of deploy/offline-images.sh. The build base needs Maven and a JDK 17, the runtime base a
# JRE 17 and bash (the compose health checks).
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre
FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY pom.xml ./
COPY common/pom.xml common/
COPY producer/pom.xml producer/
COPY worker/pom.xml worker/
COPY aggregator/pom.xml aggregator/
COPY broker/pom.xml broker/
COPY metrics/pom.xml metrics/
COPY generate/pom.xml generate/
COPY launcher/pom.xml launcher/
COPY cli/pom.xml cli/
COPY labs/pom.xml labs/
COPY labs/kernels/pom.xml labs/kernels/
COPY labs/lab/pom.xml labs/lab/
COPY labs/bench/pom.xml labs/bench/
COPY labs/bench-streams/pom.xml labs/bench-streams/
# The libraries and plugins first, from the poms alone (the modules still empty), so that a change of
# the sources rebuilds from here without downloading them again.
RUN mvn -B -q -Dmaven.test.skip=true -pl cli -am package && rm -rf */target labs/*/target
COPY common/src common/src
COPY producer/src producer/src
COPY worker/src worker/src
COPY aggregator/src aggregator/src
COPY broker/src broker/src
COPY metrics/src metrics/src
COPY generate/src generate/src
COPY launcher/src launcher/src
COPY labs/kernels/src labs/kernels/src
COPY labs/lab/src labs/lab/src
COPY cli/src cli/src
# maven.test.skip: neither compile nor resolve the tests here; CI runs them.
RUN mvn -B -q -Dmaven.test.skip=true -pl cli -am package

# Run stage: a JRE, the jar and the roles' libraries. Not cli/target/broker-lib/ (Kafka's broker and Scala):
# the roles never load it, and a broker in Compose is a container of its own.
FROM ${RUNTIME_IMAGE}
WORKDIR /app
COPY --from=build /src/cli/target/lib/ /app/lib/
COPY --from=build /src/cli/target/mq.jar /app/mq.jar
COPY deploy/default-job.sh /app/default-job.sh
RUN chmod 0755 /app/default-job.sh
# The heap follows the container's memory limit; a role that runs out of memory exits (and is restarted).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# Metrics (/metrics, /health; the aggregator also /jobs) when MQ_METRICS_PORT=9400, as in docker-compose.yml.
EXPOSE 9400
ENTRYPOINT ["java", "-jar", "/app/mq.jar"]
CMD ["--help"]
