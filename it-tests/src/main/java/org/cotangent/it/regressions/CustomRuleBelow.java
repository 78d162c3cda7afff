package org.cotangent.it.regressions;

import org.cotangent.CustomJvp;
import org.cotangent.CustomVjp;
import org.cotangent.Differentiable;
import org.cotangent.runtime.Dual;

/**
 * A user's rules one call below the method differentiated: {@code f -> middle -> softsign}. With
 * both rules, f has forward mode but no second order (second order goes through generated
 * pullbacks only); with only {@code @CustomVjp} ({@code g -> lower -> cube}), g has reverse mode
 * only. Generated code once called the missing _vjpTangent and _jvp of the middle method.
 */
public class CustomRuleBelow {
    static double softsign(double p) {
        return p / (1 + Math.abs(p));
    }

    @CustomVjp(of = "softsign")
    static double softsignPullback(double p, double seed, double[] p_adj) {
        p_adj[0] += seed / ((1 + Math.abs(p)) * (1 + Math.abs(p)));
        return softsign(p);
    }

    @CustomJvp(of = "softsign")
    static Dual softsignPushforward(double p, double p_dot) {
        return new Dual(softsign(p), p_dot / ((1 + Math.abs(p)) * (1 + Math.abs(p))));
    }

    @Differentiable
    static double middle(double p, double q) {
        double s = 0;
        for (int i = 0; i < 3; i++) {
            s += softsign(p * i + q);
        }
        return s;
    }

    @Differentiable
    public static double f(double x, double y) {
        return middle(x, y) * x + middle(y, 0.5);
    }

    static double cube(double p) {
        return p * p * p;
    }

    @CustomVjp(of = "cube")
    static double cubePullback(double p, double seed, double[] p_adj) {
        p_adj[0] += seed * 3 * p * p;
        return cube(p);
    }

    @Differentiable
    static double lower(double p) {
        double t = 0;
        for (int i = 0; i < 2; i++) {
            t += cube(p + i);
        }
        return t;
    }

    @Differentiable
    public static double g(double x) {
        return lower(x) * Math.sin(x);
    }
}
