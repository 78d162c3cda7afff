package demo;

public class Plain {
    static double f(double x) {
        return x;
    }
}
