#!/usr/bin/env bash
# Builds local stand-ins for the official images docker-compose.yml and the Dockerfile use, from
# Debian's packages and Maven Central only, for a machine that reaches no image registry:
#
#   eval "$(deploy/offline-images.sh)"
#   docker-compose up --build --scale worker=3
#
#   mq-local/jre17          the runtime base: Debian 12 (minbase) with OpenJDK 17 JRE, CA certificates,
#                           curl and bash; the only image made with debootstrap (needs root), the others
#                           are built on it
#   mq-local/build17        the build base: adds OpenJDK 17 JDK and Maven
#   mq-local/kafka:4.4.0    Kafka 4.4.0 from Maven Central, with the official image's conventions
#                           (deploy/offline/kafka/Dockerfile)
#   mq-local/prometheus     Debian's Prometheus, for --profile observe
#
# Grafana has no Debian package: there is no stand-in for it, so --profile observe can start only
# Prometheus here (`docker-compose --profile observe up prometheus`).
#
# An image whose tag exists is kept as it is (delete it to rebuild it). Progress goes to standard
# error; standard output carries only the `export NAME=value` lines that point compose (and the
# tests' Kafka container) at the stand-ins. Settings: DEBIAN_SUITE (bookworm), DEBIAN_MIRROR (the
# default of debootstrap), MQ_LOCAL_TAG_PREFIX (mq-local).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prefix="${MQ_LOCAL_TAG_PREFIX:-mq-local}"
jre="$prefix/jre17"
build="$prefix/build17"
kafka="$prefix/kafka:4.4.0"
prometheus="$prefix/prometheus"

say() {
  echo "offline-images: $*" >&2
}

exists() {
  docker image inspect "$1" > /dev/null 2>&1
}

if ! docker info > /dev/null 2>&1; then
  say "no Docker engine answers (start dockerd first)"
  exit 1
fi

if exists "$jre"; then
  say "$jre exists"
else
  if ! command -v debootstrap > /dev/null 2>&1 || [[ "$(id -u)" -ne 0 ]]; then
    say "$jre is built with debootstrap (apt-get install debootstrap), as root"
    exit 1
  fi
  rootfs="$(mktemp -d "${TMPDIR:-/tmp}/mq-rootfs.XXXXXX")"
  trap 'rm -rf "$rootfs"' EXIT
  say "$jre: debootstrap of a minimal Debian with OpenJDK 17 (a few minutes) ..."
  started=$SECONDS
  # shellcheck disable=SC2086 # DEBIAN_MIRROR is empty or one word
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates,curl \
    "${DEBIAN_SUITE:-bookworm}" "$rootfs" ${DEBIAN_MIRROR:-} >&2
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  # The images trust what this machine trusts (its CA bundle and Java's cacerts, which may hold the
  # certificate of a TLS-inspecting proxy), so that Maven in the build images downloads as it does here.
  for bundle in /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/java/cacerts; do
    if [[ -f "$bundle" ]]; then
      cp "$bundle" "$rootfs$bundle"
    fi
  done
  tar -C "$rootfs" -c . | docker import \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'ENV LANG=C.UTF-8' \
    -c 'CMD ["java", "-version"]' \
    - "$jre" > /dev/null
  rm -rf "$rootfs"
  trap - EXIT
  say "$jre built in $((SECONDS - started)) s"
fi

# build IMAGE CONTEXT [--build-arg ...]: docker build unless the tag exists.
build_image() {
  local image="$1" context="$2"
  shift 2
  if exists "$image"; then
    say "$image exists"
    return
  fi
  say "$image: building from $context ..."
  local started=$SECONDS
  docker build -t "$image" "$@" "$context" >&2
  say "$image built in $((SECONDS - started)) s"
}

build_image "$build" "$here/offline/build17" --build-arg "BASE_IMAGE=$jre"
build_image "$kafka" "$here/offline/kafka" --build-arg "BUILD_IMAGE=$build" --build-arg "RUNTIME_IMAGE=$jre"
build_image "$prometheus" "$here/offline/prometheus" --build-arg "BASE_IMAGE=$jre"

cat <<EOF
export MQ_BUILD_IMAGE=$build
export MQ_RUNTIME_IMAGE=$jre
export MQ_KAFKA_IMAGE=$kafka
export MQ_PROMETHEUS_IMAGE=$prometheus
# Testcontainers' own helper images (Ryuk, and the one of its start-up checks) cannot be pulled either;
# the tests stop their containers themselves.
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_CHECKS_DISABLE=true
EOF
if [[ -f /.dockerenv && -z "${DOCKER_HOST-}" ]]; then
  # This machine is itself a container running its own engine: Testcontainers would start a helper
  # container to find the engine's address; the ports it publishes are on this machine.
  echo "export TESTCONTAINERS_HOST_OVERRIDE=localhost"
fi
