package org.cotangent.it.calls;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.cotangent.CustomVjp;
import org.cotangent.Differentiable;

/**
 * Functions computed in ways the processor cannot or should not read (series loops, streams,
 * {@code Arrays.parallelPrefix}), with hand-written reverse-mode rules, and callers using them.
 */
public final class Special {
    /** Counts rule invocations so tests can see that generated code calls the rules. */
    public static final AtomicInteger ERF_RULE_CALLS = new AtomicInteger();
    public static final AtomicInteger LSE_RULE_CALLS = new AtomicInteger();
    public static final AtomicInteger ROOT_RULE_CALLS = new AtomicInteger();

    private Special() {
    }

    /** erf by its Maclaurin series (|x| < 3). Not @Differentiable. */
    public static double erf(double x) {
        double term = x;
        double sum = x;
        for (int n = 1; n < 200; n++) {
            term *= -x * x / n;
            double add = term / (2 * n + 1);
            sum += add;
            if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    @CustomVjp(of = "erf")
    public static double erf_vjp(double x, double seed, double[] x_adj) {
        ERF_RULE_CALLS.incrementAndGet();
        x_adj[0] += seed * 2 / Math.sqrt(Math.PI) * Math.exp(-x * x);
        return erf(x);
    }

    /** log sum exp(v), by a stream: a library call the processor cannot read. */
    public static double logSumExp(double[] v) {
        double m = Arrays.stream(v).max().orElse(0);
        return m + Math.log(Arrays.stream(v).map(e -> Math.exp(e - m)).sum());
    }

    @CustomVjp(of = "logSumExp")
    public static double logSumExp_vjp(double[] v, double seed, double[] v_adj) {
        LSE_RULE_CALLS.incrementAndGet();
        double value = logSumExp(v);
        for (int i = 0; i < v.length; i++) {
            v_adj[i] += seed * Math.exp(v[i] - value);
        }
        return value;
    }

    /** out = prefix sums of x, by Arrays.parallelPrefix: a void library call. */
    public static void cumsum(double[] x, double[] out) {
        System.arraycopy(x, 0, out, 0, x.length);
        Arrays.parallelPrefix(out, Double::sum);
    }

    /** Rule in the void signature: every element of out is overwritten, so out_adj ends at 0. */
    @CustomVjp(of = "cumsum")
    public static void cumsum_vjp(double[] x, double[] out, double[] x_adj, double[] out_adj) {
        cumsum(x, out);
        double tail = 0;
        for (int i = x.length - 1; i >= 0; i--) {
            tail += out_adj[i];
            out_adj[i] = 0;
            x_adj[i] += tail;
        }
    }

    /** Negative log-likelihood of a normal CDF model: P(obs) = (1 + erf((x - mu) / (sigma sqrt 2))) / 2. */
    @Differentiable
    public static double probitLoss(double mu, double sigma, double[] xs) {
        double s = 0;
        for (int i = 0; i < xs.length; i++) {
            double p = 0.5 * (1 + erf((xs[i] - mu) / (sigma * Math.sqrt(2))));
            s -= Math.log(p);
        }
        return s;
    }

    /** Softmax cross-entropy with logits w x: the log-partition comes from the stream-based rule. */
    @Differentiable(wrt = {"w"})
    public static double crossEntropy(double[][] w, double[] x, int label) {
        double[] logits = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += w[k][j] * x[j];
            }
            logits[k] = s;
        }
        return logSumExp(logits) - logits[label];
    }

    /** Bessel J0 from another class, through a rule declared with in = Bessel.class. */
    @Differentiable
    public static double besselEnergy(double a, double b) {
        double u = Bessel.j0(a * b);
        return u * u + Bessel.j0(a) * b;
    }

    /** A weighted sum of prefix sums, through the void rule. */
    @Differentiable
    public static double cumsumLoss(double[] x, double[] c) {
        double[] s = new double[x.length];
        cumsum(x, s);
        double loss = 0;
        for (int i = 0; i < s.length; i++) {
            loss += c[i] * Math.sin(s[i]);
        }
        return loss;
    }

    /** Differentiable from source, but a custom rule replaces its derivative in callers. */
    @Differentiable
    public static double softRoot(double x) {
        return Math.sqrt(x * x + 1e-3);
    }

    @CustomVjp(of = "softRoot")
    public static double softRoot_vjp(double x, double seed, double[] x_adj) {
        ROOT_RULE_CALLS.incrementAndGet();
        double r = softRoot(x);
        x_adj[0] += seed * x / r;
        return r;
    }

    /** A smooth L1 norm through the custom rule of a differentiable method. */
    @Differentiable
    public static double softL1(double[] x, double a) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += softRoot(x[i] - a);
        }
        return s;
    }
}
