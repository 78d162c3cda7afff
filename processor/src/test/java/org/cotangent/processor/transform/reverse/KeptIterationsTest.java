package org.cotangent.processor.transform.reverse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cotangent.processor.testing.CompilationHarness;
import org.junit.jupiter.api.Test;

/**
 * Where reverse mode keeps a work-array loop's iterations instead of replaying them (the values come
 * from the it-tests' oracles in all three checkpoint modes; this pins down which way each loop goes).
 */
class KeptIterationsTest {
    private static final String FORMS = """
            package example;

            import org.cotangent.Differentiable;

            public class Forms {
                @Differentiable(wrt = {"m", "l"})
                public static double f(double[] m, double[] l, double[] x, int d, int k) {
                    double[] centred = new double[d];
                    double[] mapped = new double[d];
                    double[] terms = new double[k];
                    double total = 0;
                    for (int i = 0; i < x.length / d; i++) {
                        for (int c = 0; c < k; c++) {
                            for (int j = 0; j < d; j++) {
                                centred[j] = x[i * d + j] - m[c * d + j];
                            }
                            for (int j = 0; j < d; j++) {
                                mapped[j] = centred[j];
                            }
                            int at = c * d * d + 1;
                            for (int col = 0; col < d; col++) {
                                for (int row = col + 1; row < d; row++) {
                                    mapped[row] += l[at] * centred[col];
                                    at++;
                                }
                            }
                            double norm = 0;
                            for (int j = 0; j < d; j++) {
                                norm += mapped[j] * mapped[j];
                            }
                            terms[c] = norm;
                        }
                        for (int c = 0; c < k; c++) {
                            total += Math.exp(-terms[c]);
                        }
                    }
                    return total;
                }

                @Differentiable(wrt = {"w"})
                public static double g(double[] w, double[] x, int k) {
                    int d = x.length;
                    double[] work = new double[d];
                    double[] out = new double[k];
                    double total = 0;
                    for (int i = 0; i < 3; i++) {
                        for (int c = 0; c < k; c++) {
                            for (int j = 0; j < d; j++) {
                                work[j] = w[c * d + j] * x[j];
                            }
                            double s = 0;
                            for (int j = 0; j < d; j++) {
                                s += work[j] * work[j];
                            }
                            for (int j = 0; j < d; j++) {
                                work[j] = s * work[j];
                            }
                            for (int j = 0; j < d; j++) {
                                s += work[j] * work[j];
                            }
                            out[c] = s;
                        }
                        for (int c = 0; c < k; c++) {
                            total += Math.exp(-out[c]);
                        }
                    }
                    return total;
                }
            }
            """;

    private static String vjpOf(String source, String method) {
        int start = source.indexOf("public static double " + method + "_vjp(");
        return source.substring(start, source.indexOf("\n    }\n", start));
    }

    private static String generated(String... options) {
        CompilationHarness.Result result = CompilationHarness.cotangent().withOptions(options).compileStrings(FORMS);
        assertTrue(result.success(), result::fullText);
        return result.generatedSource("example/FormsDerivatives.java");
    }

    @Test
    void theCostModelKeepsWorkArraysAStepCountsDown() {
        String f = vjpOf(generated(), "f");
        assertTrue(f.contains("// kept for this iteration's backward code: centred, mapped, at"), f);
        assertTrue(f.contains("tape.pushAll(mapped);"), f);
        assertTrue(f.contains("// centred, mapped, at as the iteration left them"), f);
        assertTrue(f.contains("at = tape.popInt();"), f);
        // the centring loop runs once forward only: no replay of it in the backward sweep
        int count = f.split("centred\\[j] = x\\[i \\* d \\+ j] - m\\[c \\* d \\+ j];", -1).length - 1;
        assertTrue(count == 1, () -> count + " copies of the centring statement in\n" + f);
    }

    @Test
    void alwaysRecomputesAndNeverStores() {
        String always = vjpOf(generated("-Acotangent.checkpoint=always"), "f");
        assertFalse(always.contains("kept for this iteration"), always);
        String never = vjpOf(generated("-Acotangent.checkpoint=never"), "f");
        assertTrue(never.contains("kept for this iteration's backward code"), never);
    }

    @Test
    void anIterationThatOverwritesWhatItsBackwardCodeReadsIsReplayed() {
        for (String mode : new String[] {"auto", "never"}) {
            String g = vjpOf(generated("-Acotangent.checkpoint=" + mode), "g");
            assertFalse(g.contains("kept for this iteration"), g);
            // replayed: the iteration's first statement runs forward and again backward
            int count = g.split("work\\[j] = w\\[c \\* d \\+ j] \\* x\\[j];", -1).length - 1;
            assertTrue(count == 2, () -> count + " copies of the first statement in\n" + g);
        }
    }
}
