package org.cotangent.it.calls;

import org.cotangent.it.loops.Inputs;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cotangent.itlib.Kernels;
import org.cotangent.itlib.KernelsDerivatives;
import org.cotangent.itlib.Spring;
import org.cotangent.itlib.SpringDerivatives;
import org.junit.jupiter.api.Test;

class CrossModuleTest {
    @Test
    void theLibraryComesFromAJar() {
        String where = Kernels.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(where.endsWith(".jar") || where.contains("it-tests-library"), where);
        assertTrue(!where.contains("/it-tests/target"), where);
    }

    @Test
    void softplusMix() {
        arrays("softplusMix", "x y", a -> CrossModule.softplusMix(a.d(0), a.d(1)),
                a -> CrossModuleDerivatives.softplusMix_grad(a.d(0), a.d(1)),
                (a, s, acc) -> CrossModuleDerivatives.softplusMix_vjp(a.d(0), a.d(1), s, acc.v(0), acc.v(1)),
                Inputs.points(9001, 3, in -> args().d("x", in.uniform(-2, 2)).d("y", in.uniform(-1.5, 1.5))));
    }

    @Test
    void libraryLayers() {
        arrays("libraryLayers", "w b x a", a -> CrossModule.libraryLayers(a.m(0), a.v(1), a.v(2), a.d(3)),
                a -> CrossModuleDerivatives.libraryLayers_grad(a.m(0), a.v(1), a.v(2), a.d(3)),
                (a, s, acc) -> CrossModuleDerivatives.libraryLayers_vjp(a.m(0), a.v(1), a.v(2), a.d(3), s, acc.m(0),
                        acc.v(1), acc.v(2), acc.v(3)),
                Inputs.points(9002, 3, in -> args().m("w", in.matrix(3, 4, -1, 1)).v("b", in.vector(3, -0.5, 0.5))
                        .v("x", in.vector(4, -1, 1)).d("a", in.uniform(-1, 1))));
    }

    @Test
    void springLoss() {
        Inputs r = new Inputs(9003);
        Spring spring = new Spring(1.7, r.vector(3, -0.5, 0.5), r.matrix(3, 3, -1, 1));
        double[] rest = spring.rest.clone();
        arrays("springLoss", "x s", a -> CrossModule.springLoss(spring, a.v(0), a.d(1)),
                a -> CrossModuleDerivatives.springLoss_grad(spring, a.v(0), a.d(1)),
                (a, s, acc) -> CrossModuleDerivatives.springLoss_vjp(spring, a.v(0), a.d(1), s, acc.v(0), acc.v(1)),
                Inputs.points(9004, 3, in -> args().v("x", in.vector(3, -1, 1)).d("s", in.uniform(0.5, 1.5))));
        assertArrayEquals(rest, spring.rest, 0.0);
        // the library's own generated methods take the receiver first
        double[] xAdj = new double[3];
        SpringDerivatives.energy_vjp(spring, new double[] {0.1, 0.2, 0.3}, 1.0, xAdj);
    }

    @Test
    void libraryNorms() {
        arrays("libraryNorms", "x w", a -> CrossModule.libraryNorms(a.v(0), a.v(1)),
                a -> CrossModuleDerivatives.libraryNorms_grad(a.v(0), a.v(1)),
                (a, s, acc) -> CrossModuleDerivatives.libraryNorms_vjp(a.v(0), a.v(1), s, acc.v(0), acc.v(1)),
                Inputs.points(9005, 3, in -> args().v("x", in.vector(4, 0.5, 1.5)).v("w", in.vector(4, -0.5, 0.5))));
    }

    @Test
    void libraryVoidMethodsOutputArraySemantics() {
        Inputs in = new Inputs(9006);
        Object[] point = {in.matrix(3, 4, -1, 1), in.vector(3, -1, 1), in.vector(4, -1, 1), in.vector(3, -2, 2)};
        Object[] acc = OutputCheck.check("affineTanh", "w b x out", point, "w b x out", "out", 1e-6, 71,
                a -> Kernels.affineTanh((double[][]) a[0], (double[]) a[1], (double[]) a[2], (double[]) a[3]),
                (a, c) -> KernelsDerivatives.affineTanh_vjp((double[][]) a[0], (double[]) a[1], (double[]) a[2],
                        (double[]) a[3], (double[][]) c[0], (double[]) c[1], (double[]) c[2], (double[]) c[3]));
        assertArrayEquals(new double[3], (double[]) acc[3], 0.0);
        // axpySquare only adds to y: y's adjoint is kept (d<s, y + a x^2>/dy = s)
        Object[] point2 = {in.uniform(-1, 1), in.vector(4, -1, 1), in.vector(4, -1, 1)};
        OutputCheck.check("axpySquare", "a x y", point2, "a x y", "y", 1e-6, 72,
                a -> Kernels.axpySquare((Double) a[0], (double[]) a[1], (double[]) a[2]),
                (a, c) -> KernelsDerivatives.axpySquare_vjp((Double) a[0], (double[]) a[1], (double[]) a[2],
                        (double[]) c[0], (double[]) c[1], (double[]) c[2]));
    }
}
