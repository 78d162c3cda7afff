#!/usr/bin/env bash
# Builds the benchmarks and runs a chosen set of them (a JMH regular expression; default: all),
# with the GC profiler, printing JMH's table. Compare ratios within one run: the machines are
# shared and noisy, absolute times are not comparable between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package -pl benchmarks -am
java -jar benchmarks/target/benchmarks.jar "${1:-.*}" -f 1 -wi 3 -i 5 -w 1 -r 1 -prof gc
