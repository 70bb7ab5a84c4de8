#!/usr/bin/env bash
# kafka-broker-api-versions.sh --bootstrap-server HOST:PORT: exits 0 once the broker answers
# (the health check of docker-compose.yml).
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.BrokerApiVersionsCommand "$@"
