package org.cotangent.it.vector;

import static org.cotangent.it.vector.VectorCheck.at;
import static org.cotangent.it.vector.VectorCheck.checkAll;
import static org.cotangent.it.vector.VectorCheck.random;
import static org.cotangent.it.vector.VectorCheck.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DynamicsTest {
    @Test
    void lorenz() {
        List<VectorCheck.Result> r = checkAll(Dynamics.class, "lorenz", "s sigma rho beta",
                at(vec(1.0, 2.0, 20.0), 10.0, 28.0, 8.0 / 3), at(vec(-3.5, 0.4, 12.0), 9.0, 30.0, 2.5));
        // the textbook Jacobian in s, and the parameter columns
        double[][] j = r.get(0).jacobian();
        assertArrayEquals(new double[] {-10, 10, 0, 1, 0, 0}, j[0], 0.0);
        assertArrayEquals(new double[] {28 - 20, -1, -1, 0, 1, 0}, j[1], 0.0);
        assertArrayEquals(new double[] {2, 1, -8.0 / 3, 0, 0, -20}, j[2], 0.0);
    }

    @Test
    void pendulumRk4() {
        checkAll(Dynamics.class, "pendulumRk4", "y0 damping h",
                at(vec(1.0, 0.0), 0.3, 0.01, 100), at(vec(-2.0, 1.5), 0.05, 0.02, 250), at(vec(0.1, 0.1), 1.0, 0.1, 1));
    }

    @Test
    void pendulumRk4ZeroSteps() {
        // the identity in y0, zero in damping and h
        List<VectorCheck.Result> r = checkAll(Dynamics.class, "pendulumRk4", "y0 damping h",
                at(vec(1.0, 0.5), 0.3, 0.01, 0), at(vec(-1.0, 2.5), 0.1, 0.05, 0));
        assertArrayEquals(new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}}, r.get(0).jacobian());
    }

    @Test
    void lorenzRk4() {
        checkAll(Dynamics.class, "lorenzRk4", "s0 sigma rho beta",
                at(vec(1.0, 1.0, 1.0), 10.0, 28.0, 8.0 / 3), at(vec(-2.0, 3.0, 15.0), 8.0, 20.0, 2.0));
    }

    @Test
    void fan() {
        List<VectorCheck.Result> r = checkAll(Dynamics.class, "fan", "t", at(0.7), at(-1.3), at(3.0));
        double[][] j = r.get(0).jacobian();
        assertEquals(1000, j.length);
        assertEquals(1, j[0].length);
        // out_0 = sin(t / 100) + t^2
        assertEquals(Math.cos(0.007) / 100 + 1.4, j[0][0], 1e-15);
    }

    @Test
    void reduce() {
        double[] x = random(1000, -2, 2, 50);
        List<VectorCheck.Result> r = checkAll(Dynamics.class, "reduce", "x", at(x), at(random(1000, -30, 30, 51)),
                at(vec(0.5, -1.0, 2.0)));
        double[][] j = r.get(0).jacobian();
        assertEquals(3, j.length);
        assertEquals(1000, j[0].length);
        // log-sum-exp's gradient is the softmax: it sums to 1
        double sum = 0;
        for (int k = 0; k < 1000; k++) {
            assertEquals(2 * x[k] / 1000, j[0][k], 1e-18);
            assertEquals(Math.cos(x[k]), j[1][k], 1e-15);
            sum += j[2][k];
        }
        assertEquals(1.0, sum, 1e-13);
    }

    @Test
    void powers() {
        List<VectorCheck.Result> r = checkAll(Dynamics.class, "powers", "x",
                at(vec(1.5, -0.5), 3, 0.5), at(random(4, -1.5, 1.5, 60), 5, -1.2), at(vec(2.0), 1, 7.0));
        // y_{i,k} = x_i^(k+1) c^k: d y_{0,2} / d x_0 = 3 x_0^2 c^2
        assertEquals(3 * 1.5 * 1.5 * 0.25, r.get(0).jacobian()[2][0], 1e-15);
        assertEquals(0.0, r.get(0).jacobian()[2][1], 0.0);
    }
}
