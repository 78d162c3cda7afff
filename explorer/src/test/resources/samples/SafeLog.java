package demo;

import org.cotangent.Differentiable;

class SafeLog {
    @Differentiable
    static double safeLog(double x) {
        if (x > 0) {
            try {
                return Math.log(x);
            } finally {
                System.out.println("done");
            }
        }
        return 0;
    }
}
