#!/bin/sh
# JAX's jit-compiled MLP gradient on one core, for the comparison in docs/performance.md.
# Needs Python 3 with JAX: pip install "jax[cpu]"
set -e
cd "$(dirname "$0")"
export XLA_FLAGS="--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
export OMP_NUM_THREADS=1
exec taskset -c 0 python3 mlp.py
