package org.cotangent.it.scalar;

import org.cotangent.Differentiable;

/** Smooth physics formulas. */
public final class Physics {
    /** Gravitational constant, m^3 kg^-1 s^-2. */
    static final double G = 6.674e-11;
    /** Standard gravity, m s^-2. */
    static final double GRAVITY = 9.80665;
    /** Speed of light, m/s. */
    static final double C = 299792458.0;
    /** Speed of sound in air, m/s. */
    static final double SOUND = 343.0;

    private Physics() {
    }

    /** Range of a projectile on flat ground: v^2 sin(2 theta) / g. */
    @Differentiable
    public static double projectileRange(double v, double theta, double g) {
        return v * v * Math.sin(2 * theta) / g;
    }

    /** Pendulum period with the first two large-amplitude corrections. */
    @Differentiable
    public static double pendulumPeriod(double length, double theta0) {
        double t0 = 2 * Math.PI * Math.sqrt(length / GRAVITY);
        double th2 = theta0 * theta0;
        return t0 * (1 + th2 / 16 + 11 * th2 * th2 / 3072);
    }

    /** Lennard-Jones potential 4 epsilon ((sigma/r)^12 - (sigma/r)^6). */
    @Differentiable
    public static double lennardJones(double r, double epsilon, double sigma) {
        double sr6 = Math.pow(sigma / r, 6);
        return 4 * epsilon * (sr6 * sr6 - sr6);
    }

    /** Gravitational potential energy -G m1 m2 / r. */
    @Differentiable
    public static double gravitationalEnergy(double m1, double m2, double r) {
        return -G * m1 * m2 / r;
    }

    /** Relativistic kinetic energy (gamma - 1) m c^2. */
    @Differentiable
    public static double relativisticKinetic(double m, double v) {
        double beta = v / C;
        double gamma = 1 / Math.sqrt(1 - beta * beta);
        return (gamma - 1) * m * C * C;
    }

    /** Damped oscillator A e^(-gamma t) cos(omega t). */
    @Differentiable
    public static double dampedOscillator(double t, double amplitude, double gamma, double omega) {
        return amplitude * Math.exp(-gamma * t) * Math.cos(omega * t);
    }

    /** Planck's law in scaled units (hc/k = 1): 1 / (lambda^5 (e^(1/(lambda T)) - 1)). */
    @Differentiable
    public static double planck(double wavelength, double temperature) {
        return 1 / (Math.pow(wavelength, 5) * Math.expm1(1 / (wavelength * temperature)));
    }

    /** Escape velocity sqrt(2 G M / r). */
    @Differentiable
    public static double escapeVelocity(double mass, double radius) {
        return Math.sqrt(2 * G * mass / radius);
    }

    /** Doppler shift of a source moving towards the observer. */
    @Differentiable
    public static double doppler(double frequency, double speed) {
        return frequency * SOUND / (SOUND - speed);
    }
}
