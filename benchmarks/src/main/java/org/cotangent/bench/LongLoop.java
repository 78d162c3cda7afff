package org.cotangent.bench;

/**
 * The gradient of {@link Subjects#rk4} through a very long integration (default 10^8 steps): run it
 * in a small heap ({@code -Xmx512m}) and binomial checkpointing keeps the states within the
 * checkpointed loop's memory bound (64 MiB unless {@code -Dcotangent.checkpointMemory=BYTES} says
 * otherwise); give it room for every state and it keeps them all.
 *
 * <pre>
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar org.cotangent.bench.LongLoop 100000000
 * java -Xmx6g -Dcotangent.checkpointMemory=4000000000 -cp benchmarks/target/benchmarks.jar org.cotangent.bench.LongLoop 100000000
 * </pre>
 */
public final class LongLoop {
    private LongLoop() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 100_000_000;
        double dt = 1e-5;
        double[] p = {1.1, 0.4, 0.1, 0.4};
        double[] y0 = {10, 10};
        long start = System.nanoTime();
        double value = Subjects.rk4(p, y0, dt, steps);
        double primalSeconds = (System.nanoTime() - start) / 1e9;
        double[] pAdj = new double[4];
        double[] y0Adj = new double[2];
        start = System.nanoTime();
        double vjpValue = SubjectsDerivatives.rk4_vjp(p, y0, dt, steps, 1.0, pAdj, y0Adj);
        double vjpSeconds = (System.nanoTime() - start) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("steps %d, max heap %d MB, tape capacity %d MB%n", steps, rt.maxMemory() >> 20,
                org.cotangent.runtime.Tape.get().capacityBytes() >> 20);
        System.out.printf("primal %.3f s, vjp %.3f s, vjp/primal %.2f%n", primalSeconds, vjpSeconds,
                vjpSeconds / primalSeconds);
        System.out.printf("value %.12g (vjp %.12g), d/dp %s, d/dy0 %s%n", value, vjpValue,
                java.util.Arrays.toString(pAdj), java.util.Arrays.toString(y0Adj));
    }
}
