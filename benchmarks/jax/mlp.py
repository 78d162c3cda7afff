"""The MLP subject (Subjects.mlpLoss: 784-64-10, tanh, log-softmax loss of one example) in JAX.

Times jax.jit of the loss and of jax.value_and_grad of it over all four parameter arrays, on one
core, in float64 like the Java subject. Prints microseconds per call (median of repeats) and the
ratio grad/primal. Run: benchmarks/jax/run.sh (pins one core and XLA's single-threaded CPU backend).
"""
import statistics
import time

import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp
import numpy as np

N_IN, N_HIDDEN, N_OUT = 784, 64, 10


def loss(w1, b1, w2, b2, x, label):
    hidden = jnp.tanh(w1.reshape(N_HIDDEN, N_IN) @ x + b1)
    logits = w2.reshape(N_OUT, N_HIDDEN) @ hidden + b2
    m = jnp.max(logits)
    return m + jnp.log(jnp.sum(jnp.exp(logits - m))) - logits[label]


def per_call_us(fn, args, calls, repeats):
    jax.block_until_ready(fn(*args))
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(calls):
            out = fn(*args)
        jax.block_until_ready(out)
        samples.append((time.perf_counter() - start) / calls * 1e6)
    return statistics.median(samples)


def main():
    rng = np.random.default_rng(7)
    w1 = rng.normal(0, 0.05, N_HIDDEN * N_IN)
    b1 = rng.normal(0, 0.05, N_HIDDEN)
    w2 = rng.normal(0, 0.1, N_OUT * N_HIDDEN)
    b2 = rng.normal(0, 0.1, N_OUT)
    x = rng.uniform(0, 1, N_IN)
    # on the device once, as a training loop holds its parameters: no host copy per call
    args = tuple(jax.device_put(a) for a in (w1, b1, w2, b2, x)) + (3,)
    primal = jax.jit(loss, static_argnums=5)
    grad = jax.jit(jax.value_and_grad(loss, argnums=(0, 1, 2, 3)), static_argnums=5)
    # warm up both, then interleave rounds so that both see the same machine
    p_rounds, g_rounds = [], []
    for _ in range(5):
        p_rounds.append(per_call_us(primal, args, 2000, 5))
        g_rounds.append(per_call_us(grad, args, 2000, 5))
    p = statistics.median(p_rounds)
    g = statistics.median(g_rounds)
    print(f"jax {jax.__version__} jit, float64, 1 core: primal {p:.2f} us, value_and_grad {g:.2f} us, "
          f"grad/primal {g / p:.2f}")


if __name__ == "__main__":
    main()
