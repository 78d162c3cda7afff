package org.cotangent.it.scalar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shape of the generated classes, as SPEC "What is generated" describes it. */
class GeneratedShapeTest {
    @ParameterizedTest
    @ValueSource(classes = {ElementaryDerivatives.class, TranscendentalDerivatives.class, FinanceDerivatives.class,
        StatisticsDerivatives.class, PhysicsDerivatives.class, BranchesDerivatives.class,
        OverwriteDerivatives.class, KinksDerivatives.class})
    void publicFinalWithPrivateConstructorAndStaticMethods(Class<?> type) {
        assertTrue(Modifier.isPublic(type.getModifiers()), "public");
        assertTrue(Modifier.isFinal(type.getModifiers()), "final");
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            assertTrue(Modifier.isPrivate(c.getModifiers()), "private constructor " + c);
        }
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers())) {
                assertTrue(Modifier.isStatic(m.getModifiers()), "static " + m);
            }
        }
    }

    @Test
    void gradientRecordIsAPublicNestedRecord() {
        Class<?> type = ElementaryDerivatives.PolyGradient.class;
        assertTrue(type.isRecord());
        assertTrue(Modifier.isPublic(type.getModifiers()));
        assertEquals(ElementaryDerivatives.class, type.getEnclosingClass());
    }

    @Test
    void wrtSubsetHasOneAccumulatorOnly() throws NoSuchMethodException {
        Method vjp = ElementaryDerivatives.class.getMethod("scaledPower_vjp",
                double.class, double.class, int.class, double.class, double[].class);
        assertEquals(double.class, vjp.getReturnType());
        Method grad = ElementaryDerivatives.class.getMethod("scaledPower_grad", double.class, double.class, int.class);
        assertArrayEquals(new String[] {"value", "x"},
                Arrays.stream(grad.getReturnType().getRecordComponents()).map(c -> c.getName()).toArray());
        Method annuity = FinanceDerivatives.class.getMethod("annuityPresentValue_vjp",
                double.class, double.class, int.class, double.class, double[].class);
        assertEquals(double.class, annuity.getReturnType());
    }

    @Test
    void inactiveParametersGetNoAccumulator() throws NoSuchMethodException {
        // int, long and boolean parameters are never differentiated
        ElementaryDerivatives.class.getMethod("mixedInt_vjp", double.class, int.class, double.class, double[].class);
        BranchesDerivatives.class.getMethod("longControl_vjp", double.class, long.class, double.class, double[].class);
        BranchesDerivatives.class.getMethod("booleanLogic_vjp", double.class, double.class, boolean.class,
                double.class, double[].class, double[].class);
    }

    @Test
    void zeroSeedAddsNothing() {
        double[] xAdj = {0.25};
        double[] yAdj = {-1.5};
        double value = ElementaryDerivatives.rosenbrock_vjp(-1.2, 1.0, 0.0, xAdj, yAdj);
        assertEquals(Elementary.rosenbrock(-1.2, 1.0), value, 0.0);
        assertEquals(0.25, xAdj[0], 0.0);
        assertEquals(-1.5, yAdj[0], 0.0);
    }

    @Test
    void repeatedCallsAccumulate() {
        // a minibatch-style sum: three calls into the same accumulators
        double[] xAdj = {0.0};
        double[] yAdj = {0.0};
        double[][] points = {{-1.2, 1.0}, {0.5, 0.5}, {1.1, 1.3}};
        double sx = 0;
        double sy = 0;
        for (double[] p : points) {
            ElementaryDerivatives.rosenbrock_vjp(p[0], p[1], 1.0, xAdj, yAdj);
            var g = ElementaryDerivatives.rosenbrock_grad(p[0], p[1]);
            sx += g.x();
            sy += g.y();
        }
        assertEquals(sx, xAdj[0], 1e-12 * Math.abs(sx));
        assertEquals(sy, yAdj[0], 1e-12 * Math.abs(sy));
    }
}
