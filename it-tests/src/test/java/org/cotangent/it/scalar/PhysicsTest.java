package org.cotangent.it.scalar;

import static org.cotangent.it.scalar.Check.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cotangent.runtime.GradCheck;
import org.junit.jupiter.api.Test;

class PhysicsTest {
    @Test
    void projectileRange() {
        scalar("projectileRange", "v theta g", v -> Physics.projectileRange(v[0], v[1], v[2]),
                v -> PhysicsDerivatives.projectileRange_grad(v[0], v[1], v[2]),
                (v, s, a) -> PhysicsDerivatives.projectileRange_vjp(v[0], v[1], v[2], s, a[0], a[1], a[2]),
                new double[] {20, 0.5, 9.81}, new double[] {5, 1.2, 1.62}, new double[] {100, 0.1, 24.8});
    }

    @Test
    void pendulumPeriod() {
        scalar("pendulumPeriod", "length theta0", v -> Physics.pendulumPeriod(v[0], v[1]),
                v -> PhysicsDerivatives.pendulumPeriod_grad(v[0], v[1]),
                (v, s, a) -> PhysicsDerivatives.pendulumPeriod_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {1.0, 0.2}, new double[] {2.5, 0.8}, new double[] {0.3, -0.5});
    }

    @Test
    void lennardJones() {
        scalar("lennardJones", "r epsilon sigma", v -> Physics.lennardJones(v[0], v[1], v[2]),
                v -> PhysicsDerivatives.lennardJones_grad(v[0], v[1], v[2]),
                (v, s, a) -> PhysicsDerivatives.lennardJones_vjp(v[0], v[1], v[2], s, a[0], a[1], a[2]),
                new double[] {1.2, 1.0, 1.0}, new double[] {3.5, 0.5, 3.4}, new double[] {1.0, 2.0, 0.9});
    }

    @Test
    void lennardJonesForceVanishesAtTheMinimum() {
        // dV/dr = 4 eps (-12 sigma^12 / r^13 + 6 sigma^6 / r^7) = 0 at r = 2^(1/6) sigma
        double r = Math.pow(2, 1.0 / 6);
        var g = PhysicsDerivatives.lennardJones_grad(r, 1.0, 1.0);
        assertEquals(0.0, g.r(), 1e-12);
        assertEquals(-1.0, g.value(), 1e-12);
    }

    @Test
    void gravitationalEnergy() {
        scalar("gravitationalEnergy", "m1 m2 r", v -> Physics.gravitationalEnergy(v[0], v[1], v[2]),
                v -> PhysicsDerivatives.gravitationalEnergy_grad(v[0], v[1], v[2]),
                (v, s, a) -> PhysicsDerivatives.gravitationalEnergy_vjp(v[0], v[1], v[2], s, a[0], a[1], a[2]),
                new double[] {5.972e24, 7.348e22, 3.844e8}, new double[] {1.989e30, 5.972e24, 1.496e11},
                new double[] {1.989e30, 1.898e27, 7.785e11});
    }

    @Test
    void relativisticKinetic() {
        scalar("relativisticKinetic", "m v", v -> Physics.relativisticKinetic(v[0], v[1]),
                v -> PhysicsDerivatives.relativisticKinetic_grad(v[0], v[1]),
                (v, s, a) -> PhysicsDerivatives.relativisticKinetic_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {1.0, 1.0e7}, new double[] {2.0, 1.5e8}, new double[] {0.5, 2.5e8});
    }

    @Test
    void dampedOscillator() {
        scalar("dampedOscillator", "t amplitude gamma omega",
                v -> Physics.dampedOscillator(v[0], v[1], v[2], v[3]),
                v -> PhysicsDerivatives.dampedOscillator_grad(v[0], v[1], v[2], v[3]),
                (v, s, a) -> PhysicsDerivatives.dampedOscillator_vjp(v[0], v[1], v[2], v[3], s, a[0], a[1], a[2], a[3]),
                new double[] {0.5, 2.0, 0.3, 4.0}, new double[] {2.0, 1.0, 0.1, 1.5},
                new double[] {1.2, -0.5, 1.0, 10.0});
    }

    @Test
    void planck() {
        scalar("planck", "wavelength temperature", v -> Physics.planck(v[0], v[1]),
                v -> PhysicsDerivatives.planck_grad(v[0], v[1]),
                (v, s, a) -> PhysicsDerivatives.planck_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {0.5, 1.0}, new double[] {1.0, 2.0}, new double[] {2.0, 0.5});
    }

    @Test
    void escapeVelocity() {
        // SI units: d/dmass is about 1e-21, below GradCheck's absolute tolerance, so check relatively
        double[][] points = {{5.972e24, 6.371e6}, {7.348e22, 1.737e6}, {1.989e30, 6.957e8}};
        scalar("escapeVelocity", "mass radius", v -> Physics.escapeVelocity(v[0], v[1]),
                v -> PhysicsDerivatives.escapeVelocity_grad(v[0], v[1]),
                (v, s, a) -> PhysicsDerivatives.escapeVelocity_vjp(v[0], v[1], s, a[0], a[1]),
                points);
        for (double[] p : points) {
            var g = PhysicsDerivatives.escapeVelocity_grad(p[0], p[1]);
            GradCheck.assertGradient(v -> Physics.escapeVelocity(v[0], v[1]), p,
                    new double[] {g.mass(), g.radius()}, 1e-6, 0.0);
        }
    }

    @Test
    void doppler() {
        scalar("doppler", "frequency speed", v -> Physics.doppler(v[0], v[1]),
                v -> PhysicsDerivatives.doppler_grad(v[0], v[1]),
                (v, s, a) -> PhysicsDerivatives.doppler_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {440, 30}, new double[] {1000, -50}, new double[] {200, 100});
    }
}
