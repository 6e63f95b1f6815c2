#!/usr/bin/env bash
# senderguard's Postfix policy server against postfwd1, in one run (PolicyBenchmark): builds the
# jars if they are missing, installs Debian's postfwd if postfwd1 is missing, then starts both
# servers (senderguard on a fresh MariaDB database of its own at 127.0.0.1:3306, dropped at the
# end), checks once that each refuses the message that takes a user past the limit, measures both
# at C = 8, 32 and 64 and prints the figures. Both servers are stopped by pid at the end.
#
#   benchmarks/policy-benchmark.sh [--clients 8,32,64] [--seconds 20] [--warm-up 5]
#       [--first-warm-up 30] [--users 10000] [--recipients 1-3] [--jfr FILE]
#
# Needs a JDK 17, MariaDB on 127.0.0.1:3306 (SENDERGUARD_BENCH_MARIADB_URL, _USER, _PASSWORD;
# root without a password by default) and, to install postfwd, root on Debian. Extra JVM options
# for senderguard: SENDERGUARD_BENCH_JVM_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f bootstrap/target/senderguard.jar || ! -f benchmarks/target/benchmarks.jar ]]; then
  ./mvnw -B -ntp -q install -DskipTests -pl benchmarks,bootstrap -am
fi
if ! command -v postfwd1 >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfwd
fi

run_dir=$(mktemp -d -t policy-benchmark.XXXXXX)
# postfwd1 runs as nobody: it must be able to reach its rule file in there.
chmod 755 "$run_dir"
finish() {
  local status=$?
  # PolicyBenchmark stops postfwd1 and removes its pid file; this is for when it could not.
  local pid_file="$run_dir/postfwd1.pid"
  if [[ -s $pid_file ]]; then
    local pid
    pid=$(<"$pid_file")
    if [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q postfwd; then
      kill "$pid"
    fi
  fi
  if [[ $status -eq 0 ]]; then
    rm -rf "$run_dir"
  else
    echo "the servers' logs are kept in $run_dir" >&2
  fi
}
trap finish EXIT

java -cp benchmarks/target/benchmarks.jar org.senderguard.benchmarks.PolicyBenchmark \
  --rules benchmarks/postfwd-outbound.cf --run-dir "$run_dir" "$@"
