package org.cotangent.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cotangent.processor.fuzz.ProgramGenerator.Kind;
import org.cotangent.processor.fuzz.ProgramGenerator.Param;
import org.junit.jupiter.api.Test;

/**
 * Minimised programs from bugs the differential fuzzer found, in
 * {@code src/test/resources/fuzz/regressions}, each checked with the fuzzer's oracles. A test for a
 * bug that is not fixed yet is {@code @Disabled} with the bug's description; remove the annotation
 * once the processor is fixed. Run the disabled ones with
 * {@code -Djunit.jupiter.conditions.deactivate=org.junit.*DisabledCondition}.
 *
 * <p>Each file holds one class {@code fuzz.<Name>} with a top-level {@code f}; its array parameters
 * get length 3 (or {@code // fuzz: length=N}) and its int parameters the value 2 (or
 * {@code // fuzz: int=N}).
 */
class FuzzRegressionTest {
    @Test
    void aPassingProgramPasses() {
        assertCorrect("Sanity");
    }

    @Test
    void arrayLiteralArgument() {
        assertCorrect("ArrayLiteralArgument");
    }

    @Test
    void splitSumsDefault() {
        assertCorrect("SplitSums");
    }

    @Test
    void splitSumsReassociated() {
        String before = System.getProperty("cotangent.fuzz.reassociate");
        System.setProperty("cotangent.fuzz.reassociate", "true");
        try {
            assertCorrect("SplitSums");
        } finally {
            if (before == null) {
                System.clearProperty("cotangent.fuzz.reassociate");
            } else {
                System.setProperty("cotangent.fuzz.reassociate", before);
            }
        }
    }

    @Test
    void callInArrayInitializer() {
        assertCorrect("CallInArrayInitializer");
    }

    @Test
    void doWhileInnerLoopTape() {
        assertCorrect("DoWhileInnerLoopTape");
    }

    @Test
    void stridedLoopCountDownInner() {
        assertCorrect("StridedLoopCountDownInner");
    }

    @Test
    void countDownLoopContinueIndex() {
        assertCorrect("CountDownLoopContinueIndex");
    }

    @Test
    void inlinedForEachName() {
        assertCorrect("InlinedForEachName");
    }

    @Test
    void fusedSumThenOverwrite() {
        assertCorrect("FusedSumThenOverwrite");
    }

    @Test
    void fusedSumInitialValueRead() {
        assertCorrect("FusedSumInitialValueRead");
    }

    @Test
    void fusedWorkArrays() {
        assertCorrect("FusedWorkArrays");
    }

    @Test
    void inactiveKeptLoop() {
        assertCorrect("InactiveKeptLoop");
    }

    @Test
    void conditionalCallInLoop() {
        assertCorrect("ConditionalCallInLoop");
    }

    @Test
    void replayedLoopFused() {
        assertCorrect("ReplayedLoopFused");
    }

    @Test
    void replayedLoopOuterSave() {
        assertCorrect("ReplayedLoopOuterSave");
    }

    @Test
    void intConstantDivision() {
        assertCorrect("IntConstantDivision");
    }

    @Test
    void labelledLoopInHelper() {
        assertCorrect("LabelledLoopInHelper");
    }

    @Test
    void classAndParametersNamedAsRuntimeClasses() {
        assertCorrect("Tape");
    }

    @Test
    void hessianAtTheOriginOfHypotAndAtan2() {
        assertCorrect("HypotAtOrigin");
    }

    // ------------------------------------------------------------------------------------------

    private static final Pattern LENGTH = Pattern.compile("//\\s*fuzz:.*\\blength=(\\d+)");
    private static final Pattern INT = Pattern.compile("//\\s*fuzz:.*\\bint=(\\d+)");

    /** Compiles the regression program and checks its derivatives at a few points with every oracle. */
    static void assertCorrect(String name) {
        String code = resource("fuzz/regressions/" + name + ".java");
        String problems = problems(name, code);
        if (problems != null) {
            fail(problems);
        }
    }

    /** Null if the program's derivatives pass every oracle, else what went wrong. */
    static String problems(String name, String code) {
        return problemsOfMany(List.of(name), List.of(code)).get(0);
    }

    /**
     * {@link #problems} of many programs, compiled in one batch with small callees inlined (the
     * default) and in another without, so that both ways of differentiating a call are checked.
     */
    static List<String> problemsOfMany(List<String> names, List<String> codes) {
        List<String> inlined = problemsOfMany(names, codes, true);
        List<String> called = problemsOfMany(names, codes, false);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(inlined.get(i) != null ? inlined.get(i)
                    : called.get(i) == null ? null : "without inlining: " + called.get(i));
        }
        return out;
    }

    private static List<String> problemsOfMany(List<String> names, List<String> codes, boolean inline) {
        List<FuzzCompiler.Unit> units = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            units.add(new FuzzCompiler.Unit(ProgramGenerator.PACKAGE + "." + names.get(i), codes.get(i)));
        }
        List<String> out = new ArrayList<>();
        try (FuzzCompiler.Batch batch = FuzzCompiler.compile(units, inline)) {
            for (int i = 0; i < names.size(); i++) {
                try {
                    out.add(check(batch, names.get(i), codes.get(i)));
                } catch (RuntimeException | LinkageError e) {
                    out.add("checker error " + e);
                }
            }
        }
        return out;
    }

    private static String check(FuzzCompiler.Batch batch, String name, String code) {
        String qualified = ProgramGenerator.PACKAGE + "." + name;
        try {
            String error = batch.errors.get(qualified);
            if (error != null) {
                return ("the program does not compile with the processor:\n"
                        + DifferentialFuzzTest.truncate(error, 6000) + "\n" + ProgramGenerator.numbered(code));
            }
            Class<?> program = batch.load(qualified);
            Class<?> derivatives = batch.load(qualified + "Derivatives");
            Matcher lm = LENGTH.matcher(code);
            int length = lm.find() ? Integer.parseInt(lm.group(1)) : 3;
            Matcher im = INT.matcher(code);
            int intValue = im.find() ? Integer.parseInt(im.group(1)) : 2;
            Method f = null;
            for (Method m : program.getDeclaredMethods()) {
                if (m.getName().equals("f")) {
                    f = m;
                }
            }
            if (f == null) {
                return "no method f in " + name;
            }
            List<Param> params = new ArrayList<>();
            for (java.lang.reflect.Parameter p : f.getParameters()) {
                Class<?> t = p.getType();
                if (t == double.class) {
                    params.add(new Param(p.getName(), Kind.SCALAR, 0, 0));
                } else if (t == double[].class) {
                    params.add(new Param(p.getName(), Kind.ARRAY, length, 0));
                } else if (t == int.class) {
                    params.add(new Param(p.getName(), Kind.INT, 0, intValue));
                } else {
                    return "unsupported parameter type " + t + " in " + name;
                }
            }
            DifferentialChecker checker = new DifferentialChecker(program, derivatives, params);
            ProgramGenerator.Program shape = new ProgramGenerator.Program(0, name, code, params);
            Random r = new Random(42);
            for (int k = 0; k < 4; k++) {
                checker.checkAt(DifferentialFuzzTest.point(shape, r), r, true);
            }
            if (!checker.failures().isEmpty()) {
                return String.join("\n", checker.failures()) + "\n" + ProgramGenerator.numbered(code);
            }
            return null;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot load " + qualified + " or its derivatives", e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = FuzzRegressionTest.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, "missing test resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
