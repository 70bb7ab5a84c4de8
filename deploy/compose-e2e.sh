#!/usr/bin/env bash
# The compose end-to-end check: docker-compose.yml run for real, as users run it, then taken down.
#
#   deploy/compose-e2e.sh                       # from the repository's top folder; ComposeIT runs it
#
#   1. `up --build --scale worker=3`: the producer's default job (E2E_NUMBERS generated numbers: at
#      least 240,000, so that each of the 24 partitions gets one of its chunks of 10,000) ends
#      with an exact, verified report, the same in the reports folder and at the aggregator's
#      /jobs/<id>, and its per_worker lists 3 workers;
#   2. a longer job (seq 1..E2E_LONG_NUMBERS, every record costing MQ_WORK_US of CPU): scaled to 5 workers
#      mid-job with --no-recreate, the 2 new workers take chunks; then one of the first workers is
#      killed (docker kill); the result is still exact and verified;
#   3. --profile observe: Prometheus lists every running worker replica as a target that is up, and the
#      aggregator's counters it scraped agree with the two reports;
#   4. `down -v`: no container, network or volume of the project is left.
#
# Works with `docker compose` (v2) and with `docker-compose` (1.29). Needs curl and jq, and the host
# ports the compose file publishes (9094, 9400, 9090). The images come from the variables of the
# compose file (MQ_KAFKA_IMAGE, MQ_BUILD_IMAGE, MQ_RUNTIME_IMAGE, MQ_PROMETHEUS_IMAGE): where no registry
# is reachable, run `eval "$(deploy/offline-images.sh)"` first.
#
# Exit status: 0 when every check passed; 1 when one failed (the roles' logs are printed); 3 when it
# cannot run here (no engine, no compose, an image that can neither be found nor pulled), with the
# reason on the last line. E2E_OUT (a folder) receives summary.properties, the reports and the logs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

N1="${E2E_NUMBERS:-240000}"
N2="${E2E_LONG_NUMBERS:-3000000}"
export MQ_WORK_US="${MQ_WORK_US:-20}"
export MQ_WAIT_FOR_WORKERS=3
export MQ_WORKER_THREADS=1
export COMPOSE_PROJECT_NAME="${E2E_PROJECT:-mqe2e}"
out="${E2E_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/mq-compose-e2e.XXXXXX")}"
mkdir -p "$out"
work="$(mktemp -d "${TMPDIR:-/tmp}/mq-compose-e2e-data.XXXXXX")"
export DATA_DIR="$work/data" REPORTS_DIR="$work/reports"
mkdir -p "$DATA_DIR" "$REPORTS_DIR"
started=$SECONDS
aggregator=http://127.0.0.1:9400
prometheus=http://127.0.0.1:9090

# The script's own output, also from inside a check whose output is discarded.
exec 3>&1

say() {
  printf '[e2e %3d s] %s\n' "$((SECONDS - started))" "$*" >&3
}

cannot_run() {
  say "cannot run: $*"
  exit 3
}

fail() {
  say "FAILED: $*"
  exit 1
}

check() {
  say "ok: $*"
}

for tool in docker curl jq; do
  command -v "$tool" > /dev/null 2>&1 || cannot_run "no $tool on the PATH"
done
docker info > /dev/null 2>&1 || cannot_run "no Docker engine answers"
if docker compose version > /dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose > /dev/null 2>&1; then
  compose=(docker-compose)
else
  cannot_run "neither \`docker compose\` nor docker-compose is installed"
fi
say "using $("${compose[@]}" version | head -1), project $COMPOSE_PROJECT_NAME, output in $out"

# Every image the run needs must be here or pullable (the app image's bases are pulled by its build).
for image in "${MQ_KAFKA_IMAGE:-apache/kafka:4.4.0}" "${MQ_BUILD_IMAGE:-maven:3.9-eclipse-temurin-17}" \
             "${MQ_RUNTIME_IMAGE:-eclipse-temurin:17-jre}" "${MQ_PROMETHEUS_IMAGE:-prom/prometheus:v2.53.0}"; do
  if ! docker image inspect "$image" > /dev/null 2>&1 && ! docker pull -q "$image" > /dev/null 2>&1; then
    cannot_run "image $image can neither be found nor pulled (where no registry is reachable: eval \"\$(deploy/offline-images.sh)\")"
  fi
done

dc() {
  "${compose[@]}" -f docker-compose.yml --profile observe "$@"
}

finish() {
  local status=$?
  exec 1>&3 2>&3
  if [[ $status -ne 0 && $status -ne 3 ]]; then
    dc ps || true
    dc logs --no-color --tail=80 || true
  fi
  dc logs --no-color > "$out/compose.log" 2>&1 || true
  dc down -v --remove-orphans > /dev/null 2>&1 || true
  # The containers wrote as root into the mounted folders: keep the reports, drop the data.
  cp -r "$REPORTS_DIR" "$out/" 2> /dev/null || true
  rm -rf "$work" 2> /dev/null || true
  exit $status
}
trap finish EXIT
# Stopped (e.g. by the test's timeout): still take everything down.
trap 'exit 143' TERM INT

# get URL: the body, failing on an HTTP error.
get() {
  curl -fsS --max-time 10 "$1"
}

# wait_for SECONDS WHAT COMMAND...: runs COMMAND every second until it succeeds.
wait_for() {
  local limit=$1 what=$2
  shift 2
  local deadline=$((SECONDS + limit))
  until "$@" > /dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      fail "$what: not within $limit s"
    fi
    sleep 1
  done
}

# job_succeeded JOB: whether the aggregator reports the job succeeded; stops the check at once when
# it reports the job failed.
job_succeeded() {
  local status
  status="$(get "$aggregator/jobs/$1" 2> /dev/null | jq -r .status 2> /dev/null)" || true
  if [[ "$status" == failed ]]; then
    fail "job $1 failed: $(get "$aggregator/jobs/$1" | jq -r .error)"
  fi
  [[ "$status" == succeeded ]]
}

running_workers() {
  docker ps -q --no-trunc --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" \
    --filter "label=com.docker.compose.service=worker" --filter status=running | cut -c1-12 | sort
}

# took_chunks CONTAINER: whether the worker in that container has reduced a chunk (its own /metrics).
took_chunks() {
  local chunks
  chunks="$(docker exec "$1" bash -c 'exec 3<>/dev/tcp/127.0.0.1/9400 && printf "GET /metrics HTTP/1.0\r\n\r\n" >&3 && cat <&3' \
    | awk '/^mq_chunks_processed_total/ {s += $NF} END {printf "%.0f", s}')"
  ((chunks > 0))
}

# new_worker_busy CONTAINER JOB: whether the new worker took a chunk of the job, which must not have failed.
new_worker_busy() {
  job_succeeded "$2" || true
  took_chunks "$1"
}

one_job_reported() {
  get "$aggregator/jobs" | jq -e 'length == 1'
}

# check_report FILE COUNT SUM: an exact, verified numbers report.
check_report() {
  local report=$1 count=$2 sum=$3
  jq -e --arg count "$count" --arg sum "$sum" \
    '.status == "succeeded" and .verified == true and (.count | tostring) == $count and .sum == $sum
     and .verification.merged_chunks == .verification.expected_chunks' "$report" > /dev/null \
    || fail "$(jq -c '{status, verified, count, sum, error}' "$report") (expected count $count, sum $sum)"
}

# --- 1. the default job on 3 workers ------------------------------------------------------------
say "1. up --build --scale worker=3, default job of $N1 numbers (MQ_WORK_US=$MQ_WORK_US)"
DEMO_NUMBERS="$N1" dc up -d --build --scale worker=3 kafka aggregator worker producer > "$out/up.log" 2>&1 \
  || { cat "$out/up.log"; fail "compose up"; }
say "up"
wait_for 300 "the default job's report" one_job_reported
job1="$(get "$aggregator/jobs" | jq -r '.[0].job')"
wait_for 60 "job $job1 to finish" job_succeeded "$job1"
get "$aggregator/jobs/$job1" > "$out/job1.json"
sum1="$(awk '{s += $1} END {printf "%.0f", s}' "$DATA_DIR/numbers.txt")"
check_report "$out/job1.json" "$N1" "$sum1"
check "job $job1: $N1 numbers, sum $sum1, exact and verified"
[[ -f "$REPORTS_DIR/$job1/report.json" ]] || fail "no $REPORTS_DIR/$job1/report.json"
check_report "$REPORTS_DIR/$job1/report.json" "$N1" "$sum1"
check "the reports folder holds the same report"
workers1="$(jq '.per_worker | length' "$out/job1.json")"
[[ "$workers1" == 3 ]] || fail "per_worker lists $workers1 workers, not 3: $(jq -c .per_worker "$out/job1.json")"
check "per_worker lists 3 workers"

# --- 2. a longer job: scale to 5 mid-job, kill one ----------------------------------------------
say "2. a job of seq 1..$N2, scaled to 5 workers mid-job, one killed"
seq 1 "$N2" > "$DATA_DIR/long.txt"
first_workers="$(running_workers)"
dc run --rm -T producer produce --input /data/long.txt > "$out/produce2.log" 2> "$out/produce2.err" \
  || { cat "$out/produce2.err"; fail "produce"; }
job2="$(awk -F: 'NF > 1 {print $1; exit}' "$out/produce2.log")"
[[ -n "$job2" ]] || fail "no job id in: $(cat "$out/produce2.log")"
say "job $job2 sent"
dc up -d --no-recreate --scale worker=5 worker > "$out/scale.log" 2>&1 || { cat "$out/scale.log"; fail "scale to 5"; }
new_workers="$(comm -13 <(echo "$first_workers") <(running_workers))"
[[ "$(echo "$new_workers" | grep -c .)" == 2 ]] || fail "scaling made $(echo "$new_workers" | grep -c .) new workers, not 2"
for w in $new_workers; do
  wait_for 240 "new worker $w to take a chunk" new_worker_busy "$w" "$job2"
done
job_succeeded "$job2" 2> /dev/null && fail "job $job2 ended before the check could kill a worker (raise E2E_LONG_NUMBERS or MQ_WORK_US)"
check "5 workers, the 2 new ones ($(echo $new_workers)) took chunks while job $job2 ran"
victim="$(echo "$first_workers" | head -1)"
docker kill "$victim" > /dev/null
say "killed worker $victim mid-job"
# A picture of the live page while the job runs on, for the README: the step from 3 to 5 workers, and
# the killed one marked dead once it has missed its heartbeats. Only where Chromium is installed.
browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -n "$browser" ]]; then
  sleep 12
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1250 \
    --virtual-time-budget=5000 --screenshot="$out/live-page-compose.png" "$aggregator/" > /dev/null 2>&1 \
    && say "live page screenshot: $out/live-page-compose.png" || say "no live page screenshot (Chromium failed)"
fi
wait_for 480 "job $job2 to finish" job_succeeded "$job2"
get "$aggregator/jobs/$job2" > "$out/job2.json"
sum2="$(awk '{s += $1} END {printf "%.0f", s}' "$DATA_DIR/long.txt")"
check_report "$out/job2.json" "$N2" "$sum2"
for w in $new_workers; do
  jq -e --arg w "$w" '[.per_worker | to_entries[] | select(.key | startswith($w)) | .value.chunks] | add > 0' \
    "$out/job2.json" > /dev/null || fail "new worker $w has no chunks in per_worker: $(jq -c .per_worker "$out/job2.json")"
done
check "job $job2: $N2 numbers, sum $sum2, exact and verified, $(jq '.per_worker | length' "$out/job2.json") workers took part, duplicates ignored: $(jq .duplicates_ignored "$out/job2.json")"

# --- 3. Prometheus sees every replica ----------------------------------------------------------
say "3. --profile observe: Prometheus"
dc up -d prometheus > "$out/observe.log" 2>&1 || { cat "$out/observe.log"; fail "up prometheus"; }
live="$(running_workers | grep -c .)"
targets_up() {
  get "$prometheus/api/v1/targets" | jq -e --argjson live "$live" '
    [.data.activeTargets[] | select(.labels.job == "worker")] as $w
    | [.data.activeTargets[] | select(.labels.job == "aggregator")] as $a
    | ($w | length) == $live and all($w[]; .health == "up") and ($a | length) == 1 and $a[0].health == "up"'
}
wait_for 120 "Prometheus: $live worker targets and the aggregator, all up" targets_up
check "Prometheus scrapes $live worker replicas and the aggregator, all up"
# query PROMQL: the single value of an instant query, as an integer.
query() {
  get "$prometheus/api/v1/query?query=$1" | jq -r '.data.result[0].value[1] // "none"' | awk '{printf "%s", ($1 == "none" ? $1 : sprintf("%.0f", $1))}'
}
records="$(( $(jq .count "$out/job1.json") + $(jq .count "$out/job2.json") ))"
chunks="$(( $(jq .chunks "$out/job1.json") + $(jq .chunks "$out/job2.json") ))"
counters_agree() {
  [[ "$(query 'sum(mq_records_merged_total)')" == "$records" \
    && "$(query 'sum(mq_partials_merged_total)')" == "$chunks" \
    && "$(query 'sum(mq_jobs_completed_total%7Bstatus%3D%22succeeded%22%7D)')" == 2 ]]
}
wait_for 60 "Prometheus' counters to agree with the reports" counters_agree
check "Prometheus: mq_records_merged_total $records, mq_partials_merged_total $chunks, 2 jobs succeeded, as the reports say"

# --- 4. down -v leaves nothing ------------------------------------------------------------------
say "4. down -v"
dc down -v --remove-orphans > "$out/down.log" 2>&1 || { cat "$out/down.log"; fail "down"; }
label="label=com.docker.compose.project=$COMPOSE_PROJECT_NAME"
left="$(docker ps -aq --filter "$label") $(docker network ls -q --filter "$label") $(docker volume ls -q --filter "$label")"
[[ -z "${left// /}" ]] || fail "left behind: $left"
check "no container, network or volume of project $COMPOSE_PROJECT_NAME is left"

elapsed=$((SECONDS - started))
cat > "$out/summary.properties" <<EOF
job1=$job1
job1.count=$(jq .count "$out/job1.json")
job1.sum=$(jq -r .sum "$out/job1.json")
job1.expected_sum=$sum1
job1.workers=$workers1
job2=$job2
job2.count=$(jq .count "$out/job2.json")
job2.sum=$(jq -r .sum "$out/job2.json")
job2.expected_sum=$sum2
job2.workers=$(jq '.per_worker | length' "$out/job2.json")
job2.new_workers_with_chunks=$(echo $new_workers | wc -w)
job2.duplicates_ignored=$(jq .duplicates_ignored "$out/job2.json")
prometheus.worker_targets=$live
seconds=$elapsed
EOF
say "passed in $elapsed s"
