#!/usr/bin/env bash
# Builds the benchmarks and prints one table of time ratios for every subject (or those whose case
# id matches the regular expression given first), measured side by side in one JVM: JMH times each
# (case, method) pair once per round, rounds interleave all pairs, and each ratio is the median of
# the per-round ratios. Then the GC profiler and a per-call count give f_vjp's allocation.
# The machines are shared and noisy: compare ratios within one run, never absolute times.
#
#   benchmarks/run.sh                        # all subjects (about 10 minutes on 2 cores)
#   benchmarks/run.sh 'gmm|lstm' --rounds 3  # a subset, fewer rounds
#   benchmarks/run.sh mlp --times           # also the median time per call, for tools run beside it
#   benchmarks/run.sh --jmh 'Jacobian'       # plain JMH output of the classic benchmark classes
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package -pl benchmarks -am
if [ "${1:-}" = "--jmh" ]; then
  java -jar benchmarks/target/benchmarks.jar "${2:-.*}" -f 1 -wi 3 -i 5 -w 1 -r 1 -prof gc
  exit
fi
java -Xms2g -Xmx6g -cp benchmarks/target/benchmarks.jar org.cotangent.bench.table.RatioTable "$@"
