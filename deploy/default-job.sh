#!/bin/sh
# The producer service's entry point.
# With arguments it is the mq command: `docker compose run --rm producer produce --input /data/FILE`.
# Without, it runs the default job: generates /data/numbers.txt once, then produces it after waiting
# for the aggregator and the workers (MQ_WAIT_FOR_WORKERS in docker-compose.yml).
set -eu
if [ "$#" -gt 0 ]; then
  exec java -jar /app/mq.jar "$@"
fi
input=/data/numbers.txt
if [ ! -f "$input" ]; then
  echo "generating $input (${DEMO_NUMBERS:-5000000} numbers) ..."
  # Written under another name and renamed, so an interrupted run leaves no half file behind.
  java -jar /app/mq.jar generate numbers --count "${DEMO_NUMBERS:-5000000}" --out "$input.partial" --no-progress
  mv "$input.partial" "$input"
fi
exec java -jar /app/mq.jar produce --input "$input"
