package org.cotangent.it.vector;

import static org.cotangent.it.vector.VectorCheck.at;
import static org.cotangent.it.vector.VectorCheck.checkAll;
import static org.cotangent.it.vector.VectorCheck.random;
import static org.cotangent.it.vector.VectorCheck.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code _jacobian} by one forward sweep and a backward sweep per row, against finite differences and {@code _vjp}. */
class RowsTest {
    @Test
    void scalarOverwrite() {
        checkAll(Rows.class, "scalarOverwrite", "x c", at(vec(0.3, -0.8, 1.1, 0.6), 1.7),
                at(vec(-1.2, 0.4, 0.2, -2.0), -0.6), at(random(4, -1, 1, 11), 0.9));
    }

    @Test
    void branchRestore() {
        // points on both sides of the clamp for each element
        checkAll(Rows.class, "branchRestore", "x", at(vec(0.9, 0.5, 0.7, 1.2)), at(vec(-0.4, 0.8, 0.1, 0.5)),
                at(vec(0.6, -0.9, -0.8, 0.7)), at(random(4, -1.5, 1.5, 12)));
    }

    @Test
    void resizeBothWays() {
        double[] x = vec(0.3, -1.1, 0.8);
        // m = 2 < n = 3: backward rows; m = 5 >= n: forward columns; same entries where both are defined
        List<VectorCheck.Result> wide = checkAll(Rows.class, "resize", "x", at(x, 2), at(random(3, -2, 2, 13), 2));
        List<VectorCheck.Result> tall = checkAll(Rows.class, "resize", "x", at(x, 5), at(random(3, -2, 2, 14), 5));
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(tall.get(0).jacobian()[i][j], wide.get(0).jacobian()[i][j], 1e-15);
            }
        }
    }

    @Test
    void sharedWork() {
        checkAll(Rows.class, "sharedWork", "x", at(vec(0.5, -0.25, 1.5)), at(random(6, -1, 1, 15)));
    }

    @Test
    void matrixRows() {
        checkAll(Rows.class, "matrixRows", "a s", at(new double[][] {{0.2, -0.4, 0.9}, {1.1, 0.3, -0.7}}, 0.8),
                at(new double[][] {{-0.5}, {0.25}, {1.5}}, -1.3));
    }

    @Test
    void tapedFallback() {
        checkAll(Rows.class, "tapedHorner", "coefficients z", at(vec(1.0, -2.0, 0.5, 3.0), 0.7),
                at(random(6, -1, 1, 16), -1.2));
    }

    @Test
    void whileTripCount() {
        checkAll(Rows.class, "whileTripCount", "x y", at(vec(0.9, -0.4, 1.2, 0.3), 0.6),
                at(random(4, -1, 1, 17), -0.8));
    }

    @Test
    void arrayInBranch() {
        // the branch taken (0.1 < 0.5), then not (1.2 > 0.2)
        checkAll(Rows.class, "arrayInBranch", "x z", at(vec(0.1, 0.5, 0.3), vec(0.4, 0.7, 0.2)),
                at(vec(1.2, 0.2, 0.3), vec(0.4, 0.7, 0.2)));
    }

    @Test
    void workArrayPerComponent() {
        // k = 3 outputs of 6 parameters: backward rows over a loop that refills a work array
        checkAll(org.cotangent.it.loops.WorkArrays.class, "perComponent", "w", at(random(6, -1, 1, 15), vec(0.4, -0.7), 3),
                at(random(6, -1, 1, 16), vec(1.1, 0.2), 3));
    }
}
