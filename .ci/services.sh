#!/usr/bin/env bash
# Start what the tests need that pip cannot install: a Redis server on a loopback port.
# Idempotent: does nothing when one already answers on NEWSCLEAN_TEST_REDIS_PORT (default 6390).
set -euo pipefail
port="${NEWSCLEAN_TEST_REDIS_PORT:-6390}"
if ! command -v redis-server >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq redis-server >/dev/null
fi
if ! redis-cli -p "$port" ping >/dev/null 2>&1; then
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes >/dev/null
  for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi
