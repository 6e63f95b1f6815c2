#!/usr/bin/env bash
# The outbound benchmark as Prometheus sees it: runs a Prometheus of its own (its own config file
# and data folder in a temporary folder, on a free loopback port) that scrapes the server the
# outbound benchmark starts, every second, at /prometheus; then takes a screenshot of Prometheus's
# graph page (decisions per second by action, p99 decision latency) in headless Chromium.
# Installs Debian's prometheus and chromium when they are missing (as root); builds the jars when
# they are missing. Prometheus is stopped by its pid at the end; the machine's services are left
# alone.
#
#   benchmarks/prometheus-screenshot.sh [seconds] [clients] [png]
#       defaults: 20 32 benchmarks/figures/prometheus-decisions.png
#
# Needs a JDK 17 and MariaDB on 127.0.0.1:3306, as the outbound benchmark (see README, Benchmarks).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-20}
clients=${2:-32}
png=${3:-benchmarks/figures/prometheus-decisions.png}
[[ $png == /* ]] || png="$PWD/$png"

if [[ ! -f bootstrap/target/senderguard.jar || ! -f benchmarks/target/benchmarks.jar ]]; then
  ./mvnw -B -ntp -q package -DskipTests
fi
missing=()
[[ -x /usr/bin/prometheus ]] || missing+=(prometheus)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
if (( ${#missing[@]} )); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

work=$(mktemp -d -t prometheus-screenshot.XXXXXX)
prometheus_pid=
finish() {
  if [[ -n $prometheus_pid ]]; then
    kill "$prometheus_pid" 2>/dev/null || true
    wait "$prometheus_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap finish EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
server_port=$(free_port)
prometheus_port=$(free_port)

cat >"$work/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: senderguard
    metrics_path: /prometheus
    static_configs:
      - targets: ['127.0.0.1:$server_port']
EOF
/usr/bin/prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
  --web.listen-address="127.0.0.1:$prometheus_port" >"$work/prometheus.log" 2>&1 &
prometheus_pid=$!
prometheus="http://127.0.0.1:$prometheus_port"
for _ in $(seq 1 60); do
  curl -fs "$prometheus/-/ready" >/dev/null && break
  sleep 0.5
done
curl -fs "$prometheus/-/ready" >/dev/null || { cat "$work/prometheus.log" >&2; exit 1; }

started=$(date +%s)
java -Dsenderguard.bench.port="$server_port" -jar benchmarks/target/benchmarks.jar "$seconds" "$clients"
minutes=$(( ($(date +%s) - started) / 60 + 1 ))

# Rates over 10 s windows of 1-second scrapes; the graphs span the whole run, warm-up included.
urlencode() {
  python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"
}
graph() {
  local index=$1 expr=$2
  printf '&g%s.expr=%s&g%s.tab=0&g%s.range_input=%sm&g%s.stacked=0' "$index" "$(urlencode "$expr")" "$index" \
    "$index" "$minutes" "$index"
}
decisions='sum by (action) (rate(senderguard_decisions_total{adapter="rest"}[10s]))'
latency='histogram_quantile(0.99, sum by (le) (rate(senderguard_decision_seconds_bucket{adapter="rest",direction="outbound"}[10s])))'
page="$prometheus/graph?$(graph 0 "$decisions")$(graph 1 "$latency")"

mkdir -p "$(dirname "$png")"
/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/chromium" --virtual-time-budget=15000 --hide-scrollbars \
  --window-size=1400,1600 --screenshot="$png" "$page" 2>"$work/chromium.log" || { cat "$work/chromium.log" >&2; exit 1; }
echo "screenshot of $page in $png"
