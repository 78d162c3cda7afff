package org.cotangent.bench.table;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The one JMH benchmark behind the ratio table: it times the method named {@link #method} of the
 * case {@link #caseId}. {@link RatioTable} runs it for every pair, round by round.
 */
@State(Scope.Thread)
public class TableBenchmark {
    @Param("rosenbrock-10")
    public String caseId;

    @Param("primal")
    public String method;

    private Op op;

    @Setup(Level.Trial)
    public void setUp() {
        op = Catalog.get(caseId).method(method).op();
    }

    @Benchmark
    public double measure() {
        return op.run();
    }
}
