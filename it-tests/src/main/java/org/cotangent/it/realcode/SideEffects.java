package org.cotangent.it.realcode;

import org.cotangent.Differentiable;

/** Side effects inside expressions, as Java evaluates them: packing with k++, counting down, chains. */
public class SideEffects {
    @Differentiable
    public static double packed(double[] x) {
        double[] out = new double[2 * x.length];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            out[k++] = x[i] * x[i];
            out[k++] = Math.sin(x[i]);
        }
        double s = 0;
        int n = out.length;
        while (n-- > 0) {
            s += out[n] * (n + 1);
        }
        return s;
    }

    @Differentiable
    public static double chained(double x, double y) {
        double a;
        double b;
        a = b = x * y;
        double c = (a += y) * b;
        int i = 0;
        double[] v = {x, y, x + y};
        double d = v[i] + v[i++] * v[i];
        return c + d + a;
    }

    @Differentiable
    public static double assignInCondition(double x) {
        double y = 0;
        double z;
        if ((y += x) > 1) {
            return y * y;
        }
        double w = (z = x) * 2;
        return y + w + z;
    }

    @Differentiable
    public static double countdown(double x, int n) {
        double y = x;
        while (n-- > 0) {
            y = Math.sin(y) + y;
        }
        int m = 3;
        do {
            y = y * 0.5 + Math.cos(y);
        } while (--m > 0);
        return y;
    }

    @Differentiable
    public static double sumByIndex(double[] a) {
        double s = 0;
        int i = 0;
        while (i < a.length) {
            s += a[i++] * a[i - 1];
        }
        return s;
    }

    @Differentiable
    public static double postIncrement(double x) {
        double t = x;
        double y = t++ * x;
        double u = ++t * y;
        return y + t + u;
    }

    @Differentiable
    public static double forCondition(double[] a) {
        double s = 0;
        int k = 0;
        for (int i = 0; k++ < a.length; i++) {
            if (i == 1) {
                continue;
            }
            s += a[i] * k;
        }
        int n = a.length;
        outer:
        while (n-- > 0) {
            for (int j = 0; j < a.length; j++) {
                if (j > n) {
                    continue outer;
                }
                s += a[j] * a[n];
            }
        }
        return s;
    }

    @Differentiable
    public static double oldValues(double x, double[] a) {
        double s = x;
        s += (s = x * x) * 2;
        int i = 0;
        double[] b = new double[3];
        b[i] = i++ + x;
        b[i] = a[i++] * s;
        b[i] = (s *= a[0]) + b[i - 1];
        return s + b[0] * b[1] + b[2] + i;
    }
}
