#!/usr/bin/env bash
# Runs a class from Kafka's jars, with the environment variables of Kafka's own script:
# KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS, KAFKA_OPTS and KAFKA_LOG4J_OPTS (default: the tools'
# logging, warnings on standard error).
set -euo pipefail
base_dir="$(cd "$(dirname "$0")/.." && pwd)"
if [[ -z "${KAFKA_LOG4J_OPTS-}" ]]; then
  KAFKA_LOG4J_OPTS="-Dlog4j2.configurationFile=file:$base_dir/config/tools-log4j2.yaml"
  if [[ ! -f "$base_dir/config/tools-log4j2.yaml" ]]; then
    KAFKA_LOG4J_OPTS="-Dlog4j2.configurationFile=file:/etc/kafka/docker/tools-log4j2.yaml"
  fi
fi
# shellcheck disable=SC2086 # the options are lists of JVM flags, split on purpose
exec java ${KAFKA_HEAP_OPTS:-} ${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true} \
  ${KAFKA_OPTS:-} $KAFKA_LOG4J_OPTS -cp "$base_dir/libs/*" "$@"
